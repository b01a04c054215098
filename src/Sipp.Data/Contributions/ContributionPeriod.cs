using Sipp.Data.Companies;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;

namespace Sipp.Data.Contributions;

/// <summary>A reporting period of a company division: Belum Dihitung → Dihitung → Final → Lunas.</summary>
public class ContributionPeriod
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

    public DateTime? ComputedAt { get; set; }

    /// <summary>How many times the period was computed; its lines carry the number of the computation that wrote them.</summary>
    public int Computation { get; set; }

    public DateTime? FinalizedAt { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Optimistic concurrency: two users finalising or recomputing at once cannot both win.</summary>
    public Guid Version { get; set; }

    public List<ContributionLine> Lines { get; set; } = [];
}
