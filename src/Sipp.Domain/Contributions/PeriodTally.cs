namespace Sipp.Domain.Contributions;

/// <summary>A stored line's shares, as a period counts them.</summary>
public interface ILineShares
{
    long Upah { get; }

    bool WageCorrected { get; }

    long JhtEmployer { get; }

    long JhtWorker { get; }

    long JkkEmployer { get; }

    long JkmEmployer { get; }

    long JpEmployer { get; }

    long JpWorker { get; }

    JpStatus JpStatus { get; }

    long JkpGovernment { get; }

    long JkpFromJkk { get; }

    long JkpFromJkm { get; }

    long TotalEmployer { get; }

    long TotalWorker { get; }

    long Total { get; }
}

/// <summary>What a period keeps of its lines: totals overall, per program and payer, and the review counts.</summary>
public interface IPeriodTally
{
    long TotalEmployer { get; set; }

    long TotalWorker { get; set; }

    long Total { get; set; }

    long JhtTotal { get; set; }

    long JkkTotal { get; set; }

    long JkmTotal { get; set; }

    long JpTotal { get; set; }

    long JhtWorkerTotal { get; set; }

    long JpWorkerTotal { get; set; }

    long JkpTotal { get; set; }

    int? JoinerCount { get; set; }

    int? LeaverCount { get; set; }

    int? WageChangedCount { get; set; }

    int? CorrectedCount { get; set; }

    int? WithoutJpCount { get; set; }

    int? JpForeignCount { get; set; }

    int? JpRetiredCount { get; set; }

    int? BelowMinimumCount { get; set; }

    long? CountedMinimumWage { get; set; }
}

/// <summary>
/// A period's totals and review counts follow its lines: "Hitung Iuran" clears them and counts every line, "Koreksi"
/// takes the old line away and counts the new one. Kept so that no page sums 100,000 lines again.
/// </summary>
public static class PeriodTally
{
    /// <summary>Adds (+1) or takes away (-1) a line's shares overall, per program and payer, and in the counts its wage and JP decide.</summary>
    public static void Count(IPeriodTally period, ILineShares line, int sign)
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

    /// <summary>Zero before a computation counts its lines; below-minimum is counted against <paramref name="minimumWage"/>.</summary>
    public static void Clear(IPeriodTally period, long? minimumWage)
    {
        period.TotalEmployer = period.TotalWorker = period.Total = period.JhtTotal = period.JkkTotal = period.JkmTotal = period.JpTotal = 0;
        period.JhtWorkerTotal = period.JpWorkerTotal = period.JkpTotal = 0;
        period.JoinerCount = period.LeaverCount = period.WageChangedCount = period.CorrectedCount = period.WithoutJpCount = period.BelowMinimumCount = 0;
        period.JpForeignCount = period.JpRetiredCount = 0;
        period.CountedMinimumWage = minimumWage;
    }
}
