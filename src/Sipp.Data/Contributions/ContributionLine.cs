using Sipp.Data.Workers;
using Sipp.Domain.Contributions;

namespace Sipp.Data.Contributions;

/// <summary>
/// One worker's contributions in a period: every share of every program, rounded separately, plus JKP. One line per
/// worker and period: a computation deletes the lines of the one before it.
/// </summary>
public class ContributionLine : ILineShares
{
    public Guid PeriodId { get; set; }

    public ContributionPeriod ContributionPeriod { get; set; } = null!;

    /// <summary>The period's computation that wrote the line (<see cref="ContributionPeriod.Computation"/>).</summary>
    public int Computation { get; set; }

    public Guid EmploymentId { get; set; }

    public Employment Employment { get; set; } = null!;

    public long Upah { get; set; }

    /// <summary>True when the wage was corrected for this period only ("Koreksi").</summary>
    public bool WageCorrected { get; set; }

    public long JhtEmployer { get; set; }

    public long JhtWorker { get; set; }

    public long JkkEmployer { get; set; }

    public long JkmEmployer { get; set; }

    public long JpBase { get; set; }

    public long JpEmployer { get; set; }

    public long JpWorker { get; set; }

    public JpStatus JpStatus { get; set; }

    public long JkpBase { get; set; }

    public long JkpGovernment { get; set; }

    public long JkpFromJkk { get; set; }

    public long JkpFromJkm { get; set; }

    public long TotalEmployer { get; set; }

    public long TotalWorker { get; set; }

    public long Total { get; set; }
}
