using Sipp.Data.Workers;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;

namespace Sipp.Data.Contributions;

/// <summary>
/// One worker's Iuran Susulan, Iuran Rapel or Kelebihan Iuran for one final or paid month (iuran.md §7). Susulan and
/// Rapel wait for the division's next bill (<see cref="ChargedOnBillId"/>); a Kelebihan is a credit of the division,
/// set off against its next bills (<see cref="Bill.CreditAmount"/>).
/// </summary>
public class LateCharge
{
    public Guid Id { get; set; }

    public Guid DivisionId { get; set; }

    public Guid EmploymentId { get; set; }

    public Employment Employment { get; set; } = null!;

    public LateChargeKind Kind { get; set; }

    /// <summary>The final or paid month the charge is for.</summary>
    public Guid MonthPeriodId { get; set; }

    public ContributionPeriod MonthPeriod { get; set; } = null!;

    public Period Month { get; set; }

    /// <summary>The wage the month is now billed on (Susulan, Rapel), or the wage it was billed on (Kelebihan).</summary>
    public long Upah { get; set; }

    /// <summary>Both shares per program; always positive, the kind says whether owed or credited.</summary>
    public long Jht { get; set; }

    public long Jkk { get; set; }

    public long Jkm { get; set; }

    public long Jp { get; set; }

    public long TotalEmployer { get; set; }

    public long TotalWorker { get; set; }

    public long Total { get; set; }

    /// <summary>The bill carrying a Susulan or Rapel; null until the next finalisation, and again after its "Batal Finalisasi".</summary>
    public Guid? ChargedOnBillId { get; set; }

    public DateTime CreatedAt { get; set; }

    public ProgramAmounts Amounts
    {
        get => new(Jht, Jkk, Jkm, Jp, TotalEmployer, TotalWorker);
        set => (Jht, Jkk, Jkm, Jp, TotalEmployer, TotalWorker, Total) = (value.Jht, value.Jkk, value.Jkm, value.Jp, value.Employer, value.Worker, value.Total);
    }
}
