using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Home;

/// <summary>"Beranda": the public landing page, or the signed-in user's start page with the company's dashboard.</summary>
[AllowAnonymous]
public sealed class IndexModel(CurrentCompany currentCompany, DivisionAccess access, SippDbContext db, TimeProvider clock) : PageModel
{
    public CompanyContext? Company { get; private set; }

    public Dashboard? Dashboard { get; private set; }

    /// <summary>Requests of this division waiting for an approver (shown to approvers only).</summary>
    public int WaitingApprovals { get; private set; }

    /// <summary>This month of every division of the company the user belongs to, when there is more than one.</summary>
    public IReadOnlyList<Contributions.MonitorDivisions.DivisionMonth> Divisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Company = await currentCompany.GetAsync(cancellationToken);
        if (Company is { } company)
        {
            Dashboard = await Dashboard.LoadAsync(db, clock.JakartaToday(), cancellationToken);
            if (company.IsApprover)
            {
                WaitingApprovals = await db.FinalizationRequests.CountAsync(r => r.Status == Sipp.Data.Contributions.FinalizationRequestStatus.Menunggu, cancellationToken);
            }

            var divisions = await Contributions.MonitorDivisions.DivisionsQuery.OfCompanyAsync(access, company, cancellationToken);
            if (divisions.Count > 1)
            {
                Divisions = await Contributions.MonitorDivisions.DivisionsQuery.LoadAsync(db, divisions, Dashboard.CurrentPeriod, clock.JakartaToday(), cancellationToken);
            }
        }
        else if (StaffHome.Of(User) is { } staffHome)
        {
            return Redirect(staffHome); // officers and administrators land on their own work
        }

        return Page();
    }
}
