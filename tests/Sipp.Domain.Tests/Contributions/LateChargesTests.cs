using Sipp.Domain.Contributions;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using static Sipp.Domain.Tests.TestRules;

namespace Sipp.Domain.Tests.Contributions;

/// <summary>What a final or paid month owes or is owed for one worker after a late change (iuran.md §7).</summary>
public class LateChargesTests
{
    private static readonly DateOnly BirthDate = new(1990, 5, 17);

    [Fact]
    public void AMonthNeverBilled_IsIuranSusulan_OfItsWholeContribution()
    {
        // iuran.md §6's worked example: 2026-03, Rp 12.000.000, class I, born 1990-05-17 → Rp 1.081.389.
        var outcome = LateCharges.Compare(Rules("2026-03"), Due(12_000_000), default, 0);

        var charge = Assert.IsType<LateChargeOutcome.Charge>(outcome);
        Assert.Equal((LateChargeKind.Susulan, 12_000_000L, 1_081_389L), (charge.Kind, charge.Upah, charge.Amounts.Total));
        Assert.Equal((730_526L, 350_863L), (charge.Amounts.Employer, charge.Amounts.Worker));
    }

    [Theory]
    [InlineData("2026-02", 10_547_400)] // February still has the 2025 JP cap
    [InlineData("2026-03", 11_086_300)] // March has the 2026 cap
    public void ABackdatedRaise_IsIuranRapel_OfTheDifference_WithThatMonthsOwnCap(string month, long jpCap)
    {
        var billed = ProgramAmounts.Of(Compute(month, 10_000_000));

        var charge = Assert.IsType<LateChargeOutcome.Charge>(LateCharges.Compare(Rules(month), Due(12_000_000), billed, 10_000_000));

        Assert.Equal(LateChargeKind.Rapel, charge.Kind);
        Assert.Equal(ProgramAmounts.Of(Compute(month, 12_000_000)) - billed, charge.Amounts);
        Assert.Equal(Math.Round((jpCap - 10_000_000) * 0.03m, MidpointRounding.AwayFromZero), charge.Amounts.Jp, 1);
        Assert.Equal(Math.Round(2_000_000 * 0.057m), charge.Amounts.Jht);
    }

    [Fact]
    public void ALowerWage_IsADecrease_AndTheSameWage_IsNothing()
    {
        var billed = ProgramAmounts.Of(Compute("2026-03", 10_000_000));

        Assert.Equal(new LateChargeOutcome.Decrease(10_000_000, 9_000_000), LateCharges.Compare(Rules("2026-03"), Due(9_000_000), billed, 10_000_000));
        Assert.IsType<LateChargeOutcome.None>(LateCharges.Compare(Rules("2026-03"), Due(10_000_000), billed, 10_000_000));
    }

    [Fact]
    public void AMonthBilledAfterTheEndDate_IsKelebihanIuran_OfAllThatWasBilled_AndOnlyOnce()
    {
        var billed = ProgramAmounts.Of(Compute("2026-03", 10_000_000)) + new ProgramAmounts(100, 10, 3, 50, 130, 33); // the line and a Rapel

        var charge = Assert.IsType<LateChargeOutcome.Charge>(LateCharges.Compare(Rules("2026-03"), null, billed, 10_000_000));

        Assert.Equal((LateChargeKind.Kelebihan, billed), (charge.Kind, charge.Amounts));
        Assert.IsType<LateChargeOutcome.None>(LateCharges.Compare(Rules("2026-03"), null, billed - charge.Amounts, 0));
    }

    [Theory]
    [InlineData(500, 2_000, 500)]
    [InlineData(5_000, 2_000, 2_000)] // never more than the bill: it is not paid out
    [InlineData(0, 2_000, 0)]
    [InlineData(-10, 2_000, 0)]
    public void ACreditSetOff_IsNeverMoreThanTheBill_NorBelowZero(long credit, long bill, long expected) =>
        Assert.Equal(expected, LateCharges.SetOff(credit, bill));

    [Fact]
    public void Credits_AreUsedOldestFirst_AcrossBills()
    {
        var parts = CreditAllocation.Allocate([300, 500, 200], [400, 100, 350]);

        Assert.Equal(
            [new(0, 0, 300), new(1, 0, 100), new(1, 1, 100), new(1, 2, 300), new(2, 2, 50)],
            parts);
        // A voided bill's set-off is simply not there: the next bill takes the same credit again.
        Assert.Equal([new CreditPart(0, 0, 100)], CreditAllocation.Allocate([300, 500], [100]));
    }

    private static PeriodRules Rules(string period) => PeriodRules.For(Shipped, Period.Parse(period), new CompanyFacts(1, true, false));

    private static WorkerFacts Due(long upah) => new(upah, BirthDate, Citizenship.Wni);
}
