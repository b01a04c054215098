using Sipp.Domain.Periods;

namespace Sipp.Domain.Workers;

/// <summary>The rules of "Non Aktifkan" (product.md §4), each a named guard.</summary>
public static class DeactivationRules
{
    /// <summary>Not before the worker's start date (work or membership, whichever is later).</summary>
    public static string? NotBeforeStart(DateOnly endDate, DateOnly startDate) => endDate < startDate
        ? $"Tanggal Non Aktif tidak boleh sebelum tanggal mulai ({startDate:dd-MM-yyyy})."
        : null;

    /// <summary>Not inside a finalised period: its bill already counts the worker. Cancel the finalisation first.</summary>
    public static string? NotInsideFinalisedPeriod(DateOnly endDate, IEnumerable<Period> finalisedPeriods) =>
        finalisedPeriods.Any(p => Period.Containing(endDate) <= p)
            ? $"Periode {Period.Containing(endDate)} atau sesudahnya sudah final. Batalkan finalisasi periode tersebut terlebih dahulu."
            : null;

    /// <summary>Not more than a year ahead: deactivation is reported, not planned.</summary>
    public static string? NotFarInTheFuture(DateOnly endDate, DateOnly today) => endDate > today.AddYears(1)
        ? "Tanggal Non Aktif paling lambat satu tahun dari hari ini."
        : null;

    public static IReadOnlyList<string> Check(DateOnly endDate, DateOnly startDate, IEnumerable<Period> finalisedPeriods, DateOnly today) =>
        new[] { NotBeforeStart(endDate, startDate), NotInsideFinalisedPeriod(endDate, finalisedPeriods), NotFarInTheFuture(endDate, today) }
            .OfType<string>().ToList();
}
