namespace Sipp.Data.Contributions;

/// <summary>A late fine (denda) of a period, charged on the next bill of the division once known.</summary>
public class Fine
{
    public Guid Id { get; set; }

    public Guid DivisionId { get; set; }

    /// <summary>The late period the fine is for.</summary>
    public Guid SourcePeriodId { get; set; }

    public ContributionPeriod SourcePeriod { get; set; } = null!;

    public int MonthsLate { get; set; }

    public long Amount { get; set; }

    /// <summary>The bill that charged it; null until charged.</summary>
    public Guid? ChargedOnBillId { get; set; }

    public DateTime CreatedAt { get; set; }
}
