using Sipp.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Workers.ChangeWage;

/// <summary>"Perubahan Upah": the worker with the wage history, and the form sent to <see cref="WageRevision"/>.</summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, WageRevision revision, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public Employment Worker { get; private set; } = null!;

    public IReadOnlyList<WageChange> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Isian[F.WageFrom] = Period.Containing(clock.JakartaToday()).ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // The handler loads and checks the worker itself; the page loads it only to show a refusal.
        await currentCompany.RequireAsync(cancellationToken);
        var result = await revision.ChangeAsync(id, new FormInput(Isian), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound || !await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            WorkerForms.Show(ModelState, refusal);
            return Page();
        }

        TempData["Message"] = result.Value!.Notice;
        return Redirect($"/tenaga-kerja/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await currentCompany.RequireAsync(cancellationToken);
        if (await db.FindWorkerAsync(id, cancellationToken) is not { } worker)
        {
            return false;
        }

        Worker = worker;
        History = await db.WageChanges.AsNoTracking().Where(w => w.EmploymentId == id).OrderByDescending(w => w.EffectiveFrom).ToListAsync(cancellationToken);
        return true;
    }
}
