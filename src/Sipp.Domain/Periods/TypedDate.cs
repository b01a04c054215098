using System.Globalization;

namespace Sipp.Domain.Periods;

/// <summary>
/// A date as people in Indonesia type it — dd/mm/yyyy, whatever their browser's language — and as files and older
/// forms give it (yyyy-mm-dd, dd-mm-yyyy). Forms show dates in the first shape.
/// </summary>
public static class TypedDate
{
    /// <summary>The shape forms ask for and show: "31/12/2026".</summary>
    public const string Shape = "dd/mm/yyyy";

    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A form's value shown back as typed-date shape when it is a date, and as it was otherwise (a typing error).</summary>
    public static string? ForInput(string? value) => TryParse(value, out var date) ? Format(date) : value;
}
