using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;

namespace Sipp.Web.Features.Contributions.ComputePeriod;

/// <summary>How a computed line is stored, and what it adds to its period.</summary>
public static class ContributionLines
{
    public static ContributionLine From(ContributionPeriod period, Guid employmentId, in ContributionResult r, bool wageCorrected) => new()
    {
        PeriodId = period.Id, Computation = period.Computation, EmploymentId = employmentId, Upah = r.Upah, WageCorrected = wageCorrected,
        JhtEmployer = r.JhtEmployer, JhtWorker = r.JhtWorker, JkkEmployer = r.JkkEmployer, JkmEmployer = r.JkmEmployer,
        JpBase = r.JpBase, JpEmployer = r.JpEmployer, JpWorker = r.JpWorker, JpStatus = r.JpStatus,
        JkpBase = r.JkpBase, JkpGovernment = r.JkpGovernment, JkpFromJkk = r.JkpFromJkk, JkpFromJkm = r.JkpFromJkm,
        TotalEmployer = r.TotalEmployer, TotalWorker = r.TotalWorker, Total = r.Total,
    };

    /// <summary>Adds (+1) or takes away (-1) a line's shares in its period's totals, overall and per program, and in the review counts its wage and JP decide.</summary>
    public static void Count(ContributionPeriod period, ContributionLine line, int sign)
    {
        period.CorrectedCount += line.WageCorrected ? sign : 0;
        period.WithoutJpCount += line.JpStatus != JpStatus.Due ? sign : 0;
        period.JpForeignCount += line.JpStatus == JpStatus.ForeignWorker ? sign : 0;
        period.JpRetiredCount += line.JpStatus == JpStatus.RetirementAgeReached ? sign : 0;
        period.BelowMinimumCount += line.Upah < period.CountedMinimumWage ? sign : 0;
        period.TotalEmployer += sign * line.TotalEmployer;
        period.TotalWorker += sign * line.TotalWorker;
        period.Total += sign * line.Total;
        period.JhtTotal += sign * (line.JhtEmployer + line.JhtWorker);
        period.JkkTotal += sign * line.JkkEmployer;
        period.JkmTotal += sign * line.JkmEmployer;
        period.JpTotal += sign * (line.JpEmployer + line.JpWorker);
        period.JhtWorkerTotal += sign * line.JhtWorker;
        period.JpWorkerTotal += sign * line.JpWorker;
        period.JkpTotal += sign * (line.JkpGovernment + line.JkpFromJkk + line.JkpFromJkm);
    }

    /// <summary>Zero totals and review counts before a computation counts its lines; below-minimum is counted against <paramref name="minimumWage"/>.</summary>
    public static void ClearTotals(ContributionPeriod period, long? minimumWage)
    {
        period.TotalEmployer = period.TotalWorker = period.Total = period.JhtTotal = period.JkkTotal = period.JkmTotal = period.JpTotal = 0;
        period.JhtWorkerTotal = period.JpWorkerTotal = period.JkpTotal = 0;
        period.JoinerCount = period.LeaverCount = period.WageChangedCount = period.CorrectedCount = period.WithoutJpCount = period.BelowMinimumCount = 0;
        period.JpForeignCount = period.JpRetiredCount = 0;
        period.CountedMinimumWage = minimumWage;
    }
}
