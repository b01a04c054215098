namespace Sipp.Data.Contributions;

/// <summary>
/// A part of a late period's fine (denda), charged on the next bill of the division once known: at the finalisation of
/// a later period while the late one is unpaid (the fine so far), and at its payment (the rest). The parts of a period
/// add up to its whole fine.
/// </summary>
public class Fine
{
    public Guid Id { get; set; }

    public Guid DivisionId { get; set; }

    /// <summary>The late period the fine is for.</summary>
    public Guid SourcePeriodId { get; set; }

    public ContributionPeriod SourcePeriod { get; set; } = null!;

    /// <summary>
    /// Set for the fine of an Iuran Susulan: counted on that charge's amount from its month's due date, instead of on the
    /// month's whole contribution.
    /// </summary>
    public Guid? LateChargeId { get; set; }

    /// <summary>Months late when this part was computed; the period's fine so far is 2% (the rule's rate) per month.</summary>
    public int MonthsLate { get; set; }

    /// <summary>This part: the fine for <see cref="MonthsLate"/> months less the parts charged before.</summary>
    public long Amount { get; set; }

    /// <summary>The bill that charged it; null until charged.</summary>
    public Guid? ChargedOnBillId { get; set; }

    public DateTime CreatedAt { get; set; }
}
