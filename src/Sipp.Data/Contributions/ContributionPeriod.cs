using Sipp.Data.Companies;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;

namespace Sipp.Data.Contributions;

/// <summary>A reporting period of a company division: Belum Dihitung → Dihitung → Final → Lunas.</summary>
public class ContributionPeriod : IPeriodTally
{
    public Guid Id { get; set; }

    public Guid DivisionId { get; set; }

    public Division Division { get; set; } = null!;

    public Period Period { get; set; }

    public PeriodStatus Status { get; set; }

    public int WorkerCount { get; set; }

    /// <summary>Sum of the employer shares, whole rupiah.</summary>
    public long TotalEmployer { get; set; }

    /// <summary>Sum of the worker shares, whole rupiah.</summary>
    public long TotalWorker { get; set; }

    public long Total { get; set; }

    /// <summary>Per-program sums (both shares), kept with the totals so that monitoring never re-reads the lines.</summary>
    public long JhtTotal { get; set; }

    public long JkkTotal { get; set; }

    public long JkmTotal { get; set; }

    public long JpTotal { get; set; }

    /// <summary>The worker shares of JHT and JP, and the JKP allocation (shown, not billed): with the sums above, the period page's table.</summary>
    public long JhtWorkerTotal { get; set; }

    public long JpWorkerTotal { get; set; }

    public long JkpTotal { get; set; }

    /// <summary>
    /// How many lines each review filter of the period page finds, kept by the computation and by "Koreksi" so that the
    /// page shows them all without counting 100,000 lines; null for a period computed before they were kept.
    /// </summary>
    public int? JoinerCount { get; set; }

    public int? LeaverCount { get; set; }

    public int? WageChangedCount { get; set; }

    public int? CorrectedCount { get; set; }

    public int? WithoutJpCount { get; set; }

    /// <summary>Of those without JP, the foreign workers and those past retirement age (the rest: the company is not in JP).</summary>
    public int? JpForeignCount { get; set; }

    public int? JpRetiredCount { get; set; }

    public int? BelowMinimumCount { get; set; }

    /// <summary>The region's minimum wage <see cref="BelowMinimumCount"/> was counted against: a changed rule makes it stale.</summary>
    public long? CountedMinimumWage { get; set; }

    public DateTime? ComputedAt { get; set; }

    /// <summary>How many times the period was computed; its lines carry the number of the computation that wrote them.</summary>
    public int Computation { get; set; }

    public DateTime? FinalizedAt { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Optimistic concurrency: two users finalising or recomputing at once cannot both win.</summary>
    public Guid Version { get; set; }

    public List<ContributionLine> Lines { get; set; } = [];
}
