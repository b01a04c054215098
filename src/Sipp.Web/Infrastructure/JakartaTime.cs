namespace Sipp.Web.Infrastructure;

/// <summary>
/// Dates as the users live them: Western Indonesia Time (UTC+7, no daylight saving). Between 17:00 and 24:00 UTC it is
/// already the next day in Jakarta, which decides due dates, the reminders' 5th of the month and "today" in forms.
/// </summary>
public static class JakartaTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Jakarta", out var jakarta)
        ? jakarta
        : TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "Waktu Indonesia Barat", "WIB");

    /// <summary>An instant as its reader reads it: "2 Maret 2026 09.00 WIB", or "2 March 2026 09:00 WIB" in English.</summary>
    public static string Display(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("d MMMM yyyy HH:mm", Sipp.Domain.ReaderCulture.Current) + " WIB";

    /// <summary>A stored UTC time (EF reads them back unspecified) as its reader reads it.</summary>
    public static string Display(DateTime utc) => Display(Stored(utc));

    /// <summary>A stored UTC time (EF reads them back unspecified) in Jakarta.</summary>
    public static DateTimeOffset At(DateTime utc) => TimeZoneInfo.ConvertTime(Stored(utc), Zone);

    public static DateOnly JakartaToday(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The date in Jakarta of an instant, or of a stored UTC time (EF reads them back unspecified).</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateOnly DateOf(DateTime utc) => DateOf(Stored(utc));

    private static DateTimeOffset Stored(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
