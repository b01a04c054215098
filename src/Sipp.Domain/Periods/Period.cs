using System.Globalization;

namespace Sipp.Domain.Periods;

/// <summary>A contribution month (periode, bulan iuran), written YYYY-MM.</summary>
public readonly record struct Period : IComparable<Period>
{
    private Period(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>A number that orders periods: 202603 for 2026-03.</summary>
    public int Key => (Year * 100) + Month;

    public static Period Of(int year, int month)
    {
        if (year is < 1900 or > 9999 || month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), $"{year}-{month} bukan periode yang valid.");
        }

        return new Period(year, month);
    }

    /// <summary>
    /// The last period Sipp takes as input (and 31 December 2099 the last date): later ones are typing errors, and a due
    /// date or a count of late months from them would run past the calendar.
    /// </summary>
    public static readonly Period LatestInput = new(2099, 12);

    /// <summary>Why a typed date is outside what Sipp takes (1900 to 2099), or null.</summary>
    public static string? CheckInputDate(DateOnly date, string label) =>
        date.Year is < 1900 or > 2099 ? Wording.Of($"{Wording.OfName(label)} harus antara tahun 1900 dan 2099.") : null;

    public static Period Containing(DateOnly date) => new(date.Year, date.Month);

    public Period AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return Of(index / 12, (index % 12) + 1);
    }

    public static bool TryParse(string? input, out Period period, out string error)
    {
        period = default;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = Wording.Of("Periode wajib diisi (format YYYY-MM, misalnya 2026-03).");
            return false;
        }

        if (text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month))
        {
            error = Wording.Of("Periode harus berformat YYYY-MM, misalnya 2026-03.");
            return false;
        }

        if (month is < 1 or > 12)
        {
            error = Wording.Of("Bulan pada periode harus antara 01 dan 12.");
            return false;
        }

        if (year < 1900 || year > LatestInput.Year)
        {
            error = Wording.Of($"Tahun pada periode harus antara 1900 dan {LatestInput.Year}.");
            return false;
        }

        period = new Period(year, month);
        error = string.Empty;
        return true;
    }

    public static Period Parse(string? input, string field = "periode") =>
        TryParse(input, out var period, out var error) ? period : throw new DomainValidationException(field, error);

    public int CompareTo(Period other) => Key.CompareTo(other.Key);

    public static bool operator <(Period a, Period b) => a.Key < b.Key;

    public static bool operator >(Period a, Period b) => a.Key > b.Key;

    public static bool operator <=(Period a, Period b) => a.Key <= b.Key;

    public static bool operator >=(Period a, Period b) => a.Key >= b.Key;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>For people, in the reader's language: "Maret 2026", "March 2026".</summary>
    public string ToDisplayString() =>
        FirstDay.ToString("MMMM yyyy", ReaderCulture.Current);
}
