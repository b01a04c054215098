using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;

namespace Sipp.Web.Features.Contributions.ViewPeriod;

/// <summary>
/// The review filters of a period's lines ("Saring"): each is a query over the period's own lines joined by key, so that
/// a reviewer finds what changed among thousands of lines without paging through them.
/// </summary>
public static class PeriodLineFilters
{
    public const string New = "baru";
    public const string Leaving = "keluar";
    public const string WageChanged = "upah-berubah";
    public const string Corrected = "koreksi";
    public const string WithoutJp = "tanpa-jp";
    public const string BelowMinimumWage = "di-bawah-upah-minimum";

    /// <summary>
    /// The filters in the order the page shows them, with their labels. Their counts are kept on the period
    /// (<see cref="StoredCount"/>): counting them on a visit cost up to about 45 ms each on 100,000 lines (bench: review).
    /// </summary>
    public static readonly IReadOnlyList<(string Key, string Label)> All =
    [
        (New, "Baru"), (Leaving, "Keluar"), (WageChanged, "Upah berubah"), (Corrected, "Dikoreksi"), (WithoutJp, "Tanpa JP"),
        (BelowMinimumWage, "Di bawah upah minimum"),
    ];

    /// <summary>The count the computation and "Koreksi" kept for a filter; null when not kept (an older computation, or a minimum wage changed since).</summary>
    public static int? StoredCount(ContributionPeriod period, string filter, long? minimumWage) => filter switch
    {
        New => period.JoinerCount,
        Leaving => period.LeaverCount,
        WageChanged => period.WageChangedCount,
        Corrected => period.CorrectedCount,
        WithoutJp => period.WithoutJpCount,
        BelowMinimumWage when period.CountedMinimumWage == minimumWage => period.BelowMinimumCount,
        _ => null,
    };

    /// <summary>The lines that pass <paramref name="filter"/>; null when the filter is unknown (or needs a minimum wage there is not).</summary>
    public static IQueryable<ContributionLine>? Apply(
        SippDbContext db, IQueryable<ContributionLine> lines, Period period, string? filter, long? minimumWage)
    {
        var first = period.FirstDay;
        var last = period.LastDay;
        var employments = db.Employments;
        return filter switch
        {
            // Joiners and leavers are few: found from the division's employments by date (indexed), then their lines.
            New => lines.Where(l => employments.Where(e => e.MembershipStartDate >= first && e.MembershipStartDate <= last).Select(e => e.Id).Contains(l.EmploymentId)),
            Leaving => lines.Where(l => employments.Where(e => e.EndDate >= first && e.EndDate <= last).Select(e => e.Id).Contains(l.EmploymentId)),
            // A wage change taking effect in this period, for a worker who was there before it (a joiner's first wage is not a change).
            WageChanged => lines.Where(l => l.Employment.MembershipStartDate < first
                && db.WageChanges.Any(w => w.EmploymentId == l.EmploymentId && w.EffectiveFrom == period)),
            Corrected => lines.Where(l => l.WageCorrected),
            WithoutJp => lines.Where(l => l.JpStatus != JpStatus.Due),
            BelowMinimumWage when minimumWage is { } minimum => lines.Where(l => l.Upah < minimum),
            _ => null,
        };
    }
}
