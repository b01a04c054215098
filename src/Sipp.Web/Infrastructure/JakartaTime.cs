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

    public static DateOnly JakartaToday(this TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
