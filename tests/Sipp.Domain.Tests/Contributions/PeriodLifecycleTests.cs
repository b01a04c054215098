using Sipp.Domain.Contributions;

namespace Sipp.Domain.Tests.Contributions;

public class PeriodLifecycleTests
{
    [Theory]
    [InlineData(PeriodStatus.BelumDihitung, null)]
    [InlineData(PeriodStatus.Dihitung, null)]
    [InlineData(PeriodStatus.Final, "Batalkan finalisasi dulu")]
    [InlineData(PeriodStatus.Lunas, "sudah lunas")]
    public void Compute_IsAllowedUntilThePeriodIsFinal(PeriodStatus status, string? refusal) =>
        AssertGuard(PeriodLifecycle.CanCompute(status), refusal);

    [Theory]
    [InlineData(PeriodStatus.BelumDihitung, "Hitung iuran periode ini dulu")]
    [InlineData(PeriodStatus.Dihitung, null)]
    [InlineData(PeriodStatus.Final, "Batalkan finalisasi dulu")]
    [InlineData(PeriodStatus.Lunas, "sudah lunas")]
    public void Correction_IsAllowedOnlyOnAComputedPeriod(PeriodStatus status, string? refusal) =>
        AssertGuard(PeriodLifecycle.CanCorrect(status), refusal);

    [Theory]
    [InlineData(PeriodStatus.BelumDihitung, 5, "Hitung iuran periode ini dulu")]
    [InlineData(PeriodStatus.Dihitung, 5, null)]
    [InlineData(PeriodStatus.Dihitung, 0, "Tidak ada tenaga kerja aktif")]
    [InlineData(PeriodStatus.Final, 5, "sudah difinalisasi")]
    [InlineData(PeriodStatus.Lunas, 5, "sudah lunas")]
    public void Finalisation_NeedsAComputedPeriodWithWorkers(PeriodStatus status, int workers, string? refusal) =>
        AssertGuard(PeriodLifecycle.CanFinalize(status, workers), refusal);

    [Theory]
    [InlineData(PeriodStatus.BelumDihitung, "belum difinalisasi")]
    [InlineData(PeriodStatus.Dihitung, "belum difinalisasi")]
    [InlineData(PeriodStatus.Final, null)]
    [InlineData(PeriodStatus.Lunas, "sudah dibayar")]
    public void CancellingFinalisation_IsAllowedOnlyWhileFinalAndUnpaid(PeriodStatus status, string? refusal) =>
        AssertGuard(PeriodLifecycle.CanCancelFinalization(status), refusal);

    [Theory]
    [InlineData(PeriodStatus.BelumDihitung, "dibatalkan atau belum terbit")]
    [InlineData(PeriodStatus.Dihitung, "dibatalkan atau belum terbit")]
    [InlineData(PeriodStatus.Final, null)]
    [InlineData(PeriodStatus.Lunas, "sudah lunas")]
    public void Payment_IsAcceptedOnlyForAFinalPeriod(PeriodStatus status, string? refusal) =>
        AssertGuard(PeriodLifecycle.CanPay(status), refusal);

    [Theory]
    [InlineData(PeriodStatus.BelumDihitung, null, "Belum Dihitung")]
    [InlineData(PeriodStatus.Dihitung, null, "Dihitung")]
    [InlineData(PeriodStatus.Final, "2026-04-15", "Menunggu Pembayaran")] // due today: not late yet
    [InlineData(PeriodStatus.Final, "2026-04-14", "Terlambat")]
    [InlineData(PeriodStatus.Lunas, "2026-04-14", "Lunas")]
    public void TheShownStatus_IsTerlambatOnlyForAFinalPeriodPastItsDueDate(PeriodStatus status, string? dueDate, string label)
    {
        var due = dueDate is null ? (DateOnly?)null : DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(label, PeriodLifecycle.Label(PeriodLifecycle.Display(status, due, new DateOnly(2026, 4, 15))));
    }

    private static void AssertGuard(string? actual, string? refusal)
    {
        if (refusal is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Contains(refusal, actual, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(PeriodStatus.BelumDihitung, true, false, false, false, false)]
    [InlineData(PeriodStatus.Dihitung, true, true, true, false, false)]
    [InlineData(PeriodStatus.Final, false, false, false, true, true)]
    [InlineData(PeriodStatus.Lunas, false, false, false, false, false)]
    public void ThePageOffers_TheStepsTheGuardsAllow(PeriodStatus status, bool compute, bool correct, bool finalize, bool cancel, bool pay) =>
        Assert.Equal(new PeriodActions(compute, correct, finalize, cancel, pay), PeriodLifecycle.Actions(status));
}
