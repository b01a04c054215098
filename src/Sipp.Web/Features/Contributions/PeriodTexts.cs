using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;

namespace Sipp.Web.Features.Contributions;

/// <summary>How periods read on the pages.</summary>
public static class PeriodTexts
{
    public static string Status(ContributionPeriod period, DateOnly today) =>
        PeriodLifecycle.Label(PeriodLifecycle.Display(period.Status, period.DueDate, today));
}
