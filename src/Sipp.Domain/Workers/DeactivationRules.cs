namespace Sipp.Domain.Workers;

/// <summary>The rules of "Non Aktifkan" (product.md §4), each a named guard.</summary>
public static class DeactivationRules
{
    /// <summary>Not before the worker's start date (work or membership, whichever is later).</summary>
    public static string? NotBeforeStart(DateOnly endDate, DateOnly startDate) => endDate < startDate
        ? Wording.Of($"Tanggal Non Aktif tidak boleh sebelum tanggal mulai ({startDate:dd-MM-yyyy}).")
        : null;

    /// <summary>Not more than a year ahead: deactivation is reported, not planned.</summary>
    public static string? NotFarInTheFuture(DateOnly endDate, DateOnly today) => endDate > today.AddYears(1)
        ? Wording.Of("Tanggal Non Aktif paling lambat satu tahun dari hari ini.")
        : null;

    /// <remarks>An end date inside final or paid months is allowed: the months billed after it become Kelebihan Iuran (iuran.md §7).</remarks>
    public static IReadOnlyList<string> Check(DateOnly endDate, DateOnly startDate, DateOnly today) =>
        new[] { NotBeforeStart(endDate, startDate), NotFarInTheFuture(endDate, today) }
            .OfType<string>().ToList();
}
