using Sipp.Domain.Contributions;

namespace Sipp.Domain.Tests.Contributions;

/// <summary>A period's kept totals and review counts follow its lines, in both directions.</summary>
public class PeriodTallyTests
{
    [Fact]
    public void CountingALine_AddsEveryShareAndCount_AndTakingItAway_LeavesTheTallyAsItWas()
    {
        var period = new Tally();
        PeriodTally.Clear(period, minimumWage: 5_000_000);
        var line = new Line(4_000_000, true, 148_000, 80_000, 21_600, 12_000, 80_000, 40_000, JpStatus.ForeignWorker, 1_000, 500, 0);

        PeriodTally.Count(period, line, +1);

        Assert.Equal((line.TotalEmployer, line.TotalWorker, line.Total), (period.TotalEmployer, period.TotalWorker, period.Total));
        Assert.Equal((228_000L, 21_600L, 12_000L, 120_000L, 80_000L, 40_000L, 1_500L),
            (period.JhtTotal, period.JkkTotal, period.JkmTotal, period.JpTotal, period.JhtWorkerTotal, period.JpWorkerTotal, period.JkpTotal));
        Assert.Equal((1, 1, 1, 0, 1), (period.CorrectedCount!.Value, period.WithoutJpCount!.Value, period.JpForeignCount!.Value, period.JpRetiredCount!.Value, period.BelowMinimumCount!.Value));

        PeriodTally.Count(period, line, -1);

        var empty = new Tally();
        PeriodTally.Clear(empty, minimumWage: 5_000_000);
        Assert.Equivalent(empty, period);
    }

    [Fact]
    public void CountsNotKept_StayUnknown_AndNoMinimumWage_CountsNoLineBelowIt()
    {
        var period = new Tally(); // a period computed before the counts were kept
        PeriodTally.Count(period, new Line(1, false, 0, 0, 0, 0, 0, 0, JpStatus.Due, 0, 0, 0), +1);

        Assert.Null(period.CorrectedCount);
        Assert.Null(period.BelowMinimumCount);

        PeriodTally.Clear(period, minimumWage: null);
        PeriodTally.Count(period, new Line(1, false, 0, 0, 0, 0, 0, 0, JpStatus.Due, 0, 0, 0), +1);
        Assert.Equal(0, period.BelowMinimumCount);
    }

    private sealed class Tally : IPeriodTally
    {
        public long TotalEmployer { get; set; }

        public long TotalWorker { get; set; }

        public long Total { get; set; }

        public long JhtTotal { get; set; }

        public long JkkTotal { get; set; }

        public long JkmTotal { get; set; }

        public long JpTotal { get; set; }

        public long JhtWorkerTotal { get; set; }

        public long JpWorkerTotal { get; set; }

        public long JkpTotal { get; set; }

        public int? JoinerCount { get; set; }

        public int? LeaverCount { get; set; }

        public int? WageChangedCount { get; set; }

        public int? CorrectedCount { get; set; }

        public int? WithoutJpCount { get; set; }

        public int? JpForeignCount { get; set; }

        public int? JpRetiredCount { get; set; }

        public int? BelowMinimumCount { get; set; }

        public long? CountedMinimumWage { get; set; }
    }

    private sealed record Line(
        long Upah, bool WageCorrected, long JhtEmployer, long JhtWorker, long JkkEmployer, long JkmEmployer, long JpEmployer, long JpWorker, JpStatus JpStatus,
        long JkpGovernment, long JkpFromJkk, long JkpFromJkm) : ILineShares
    {
        public long TotalEmployer => JhtEmployer + JkkEmployer + JkmEmployer + JpEmployer;

        public long TotalWorker => JhtWorker + JpWorker;

        public long Total => TotalEmployer + TotalWorker;
    }
}
