using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Contributions.MonitorDivisions;

/// <summary>"Monitoring Iuran — Semua Divisi": one month of every division of the company the user belongs to, with totals.</summary>
[Authorize(Policy = Policies.CompanyMember)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DivisionMonth> Rows { get; private set; } = [];

    public CompanyContext Company { get; private set; } = null!;

    public Period Period { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? periode, CancellationToken cancellationToken)
    {
        Company = await currentCompany.RequireAsync(cancellationToken);
        var today = clock.JakartaToday();
        if (periode is null)
        {
            Period = Period.Containing(today);
        }
        else if (Period.TryParse(periode, out var chosen, out _))
        {
            Period = chosen;
        }
        else
        {
            return NotFound();
        }

        Rows = await DivisionsQuery.LoadAsync(db, Company.UserId, Company.CompanyId, Period, today, cancellationToken);
        return Page();
    }
}
