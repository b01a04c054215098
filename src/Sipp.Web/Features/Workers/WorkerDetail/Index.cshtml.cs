using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Audit;
using Sipp.Data.Workers;
using Sipp.Web.Features.Audit.ActivityHistory;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Workers.WorkerDetail;

/// <summary>One worker: personal data, employment, wage history and its audit trail.</summary>
[Authorize(Policy = Policies.CompanyMember)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany) : PageModel
{

    public Employment Worker { get; private set; } = null!;

    public IReadOnlyList<WageChange> Wages { get; private set; } = [];

    public IReadOnlyList<ActivityRow> Trail { get; private set; } = [];

    public CompanyContext Company { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Company = await currentCompany.RequireAsync(cancellationToken);
        if (await db.FindWorkerAsync(id, cancellationToken) is not { } worker)
        {
            return NotFound();
        }

        Worker = worker;
        Wages = await db.WageChanges.AsNoTracking().Where(w => w.EmploymentId == id).OrderByDescending(w => w.EffectiveFrom).ToListAsync(cancellationToken);
        var key = id.ToString();
        Trail = await ActivityQuery.WithActors(db, db.AuditEvents.AsNoTracking().Where(a => a.EntityType == WorkerAudit.Entity && a.EntityId == key))
            .Take(100).ToListAsync(cancellationToken);
        return Page();
    }
}
