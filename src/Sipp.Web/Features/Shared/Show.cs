using System.Globalization;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Shared;

/// <summary>
/// Values as pages show them, in the page's language: dates as they are typed (dd/mm/yyyy), months by name ("Oktober
/// 2026", "October 2026"), stored times in Jakarta time.
/// </summary>
public static class Show
{
    /// <summary>The currency before an amount field: "Rp", or "IDR" in English (as <see cref="Sipp.Domain.Money.Rupiah"/> writes amounts).</summary>
    public static string Currency => Sipp.Domain.ReaderCulture.IsEnglish ? "IDR" : "Rp";

    public static string Date(DateOnly? date) => date is { } d ? TypedDate.Format(d) : "—";

    public static string Month(Period period) => period.FirstDay.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A stored UTC time (EF reads them back unspecified) in Jakarta: "30/11/2026 23.05 WIB" (the culture's time separator).</summary>
    public static string Time(DateTime utc)
    {
        var jakarta = JakartaTime.At(utc);
        return $"{TypedDate.Format(DateOnly.FromDateTime(jakarta.DateTime))} {jakarta.ToString("HH:mm", CultureInfo.CurrentCulture)} WIB";
    }
}
