using System.Globalization;

namespace Sipp.Domain.Money;

/// <summary>An amount of whole rupiah. Never a floating-point number.</summary>
public readonly record struct Rupiah(long Value) : IComparable<Rupiah>
{
    public const long MaximumWage = 1_000_000_000;

    public static Rupiah Zero => new(0);

    public static Rupiah operator +(Rupiah a, Rupiah b) => new(checked(a.Value + b.Value));

    public static Rupiah operator -(Rupiah a, Rupiah b) => new(checked(a.Value - b.Value));

    public static bool operator <(Rupiah a, Rupiah b) => a.Value < b.Value;

    public static bool operator >(Rupiah a, Rupiah b) => a.Value > b.Value;

    public static bool operator <=(Rupiah a, Rupiah b) => a.Value <= b.Value;

    public static bool operator >=(Rupiah a, Rupiah b) => a.Value >= b.Value;

    public int CompareTo(Rupiah other) => Value.CompareTo(other.Value);

    /// <summary>Digits grouped the Indonesian way, without the currency: 1.234.567.</summary>
    public string ToDigits() => Value.ToString("#,0", ReaderCulture.Indonesian);

    /// <summary>
    /// As the reader writes it: "Rp 1.234.567", or "IDR 1,234,567" when the current culture is English (a user who
    /// chose English; Sipp's default culture is Indonesian, see Program).
    /// </summary>
    public override string ToString()
    {
        var english = ReaderCulture.IsEnglish;
        var digits = Math.Abs(Value).ToString("#,0", english ? CultureInfo.InvariantCulture : ReaderCulture.Indonesian);
        return (Value < 0 ? "-" : "") + (english ? "IDR " : "Rp ") + digits;
    }

    /// <summary>Checks a reported wage (upah): whole rupiah, 1 … 1,000,000,000.</summary>
    public static string? CheckWage(long upah) => upah is < 1 or > MaximumWage
        ? Wording.Of("Upah harus antara Rp 1 dan Rp 1.000.000.000.")
        : null;
}
