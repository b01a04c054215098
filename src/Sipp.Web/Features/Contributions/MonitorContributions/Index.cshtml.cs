using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Contributions.MonitorContributions;

/// <summary>"Monitoring Iuran": every period with its bill and payment, totals, and two charts of the last 12 months.</summary>
[Authorize(Policy = Policies.CompanyMember)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MonitoringRow> Rows { get; private set; } = [];

    /// <summary>The last twelve months, oldest first, for the charts and their tables.</summary>
    public IReadOnlyList<MonitoringRow> LastYear { get; private set; } = [];

    /// <summary>Late charges waiting for the next bill, and the credit not set off yet.</summary>
    public LateChanges.LateChargeView Waiting { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        var today = clock.JakartaToday();
        Rows = await MonitoringQuery.LoadAsync(db, today, cancellationToken);
        Waiting = await LateChanges.LateChargeQuery.NextBillAsync(db, cancellationToken);
        var first = Period.Containing(today).AddMonths(-11);
        LastYear = Rows.Where(r => r.Period >= first && r.Period <= Period.Containing(today)).OrderBy(r => r.Period).ToList();
    }
}
