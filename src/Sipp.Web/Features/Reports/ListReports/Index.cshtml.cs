using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Reports.ListReports;

/// <summary>"Laporan": choose a period and download each of its reports as PDF, XLSX or CSV.</summary>
[Authorize(Policy = Policies.CompanyMember)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Periode { get; set; }

    public Period Period { get; private set; }

    public PeriodStatus Status { get; private set; }

    /// <summary>The last 24 months, newest first, with the status shown for each ("Terlambat" once past due).</summary>
    public IReadOnlyList<(Period Period, PeriodDisplayStatus Status)> Months { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        var today = clock.JakartaToday();
        var current = Period.Containing(today);
        var oldest = current.AddMonths(-23);
        var stored = await db.ContributionPeriods.AsNoTracking().Where(p => p.Period >= oldest)
            .ToDictionaryAsync(p => p.Period, p => (p.Status, p.DueDate), cancellationToken);
        Months = Enumerable.Range(0, 24).Select(i => current.AddMonths(-i))
            .Select(p => stored.TryGetValue(p, out var s) ? (p, PeriodLifecycle.Display(s.Status, s.DueDate, today)) : (p, PeriodDisplayStatus.BelumDihitung)).ToList();
        if (Periode is null)
        {
            Period = Months.Where(m => m.Status != PeriodDisplayStatus.BelumDihitung).Select(m => (Period?)m.Period).FirstOrDefault() ?? current;
        }
        else if (!Period.TryParse(Periode, out var chosen, out var error))
        {
            Error = error;
            Period = current;
        }
        else
        {
            Period = chosen;
        }

        Status = stored.TryGetValue(Period, out var chosenPeriod) ? chosenPeriod.Status : PeriodStatus.BelumDihitung;
    }

    /// <summary>Why a report cannot be downloaded for the chosen period yet, or null.</summary>
    public string? Unavailable(ReportInfo report) =>
        report.NeedsPayment && Status != PeriodStatus.Lunas ? Wording.Of("Terbit setelah iuran periode ini lunas.")
        : report.NeedsComputation && Status == PeriodStatus.BelumDihitung ? Wording.Of("Iuran periode ini belum dihitung.")
        : null;
}
