namespace Sipp.Domain.Money;

/// <summary>
/// An amount of rupiah in Indonesian words, as written on a receipt ("terbilang"): 1.500 → "Seribu lima ratus rupiah".
/// Up to hundreds of trillions; "se-" for one hundred and one thousand, "sebelas" and "-belas" for 11–19.
/// </summary>
public static class Terbilang
{
    private static readonly string[] Units = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

    private static readonly (long Size, string Name)[] Scales = [(1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta")];

    public static string Of(long rupiah)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rupiah);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rupiah, 1_000_000_000_000_000);
        var words = rupiah == 0 ? "nol" : Words(rupiah);
        return char.ToUpperInvariant(words[0]) + words[1..] + " rupiah";
    }

    private static string Words(long n)
    {
        foreach (var (size, name) in Scales)
        {
            if (n >= size)
            {
                return Join(Words(n / size) + " " + name, n % size);
            }
        }

        return n switch
        {
            < 12 => Units[n],
            < 20 => Units[n - 10] + " belas",
            < 100 => Join(Units[n / 10] + " puluh", n % 10),
            < 200 => Join("seratus", n - 100),
            < 1_000 => Join(Units[n / 100] + " ratus", n % 100),
            < 2_000 => Join("seribu", n - 1_000),
            _ => Join(Words(n / 1_000) + " ribu", n % 1_000),
        };
    }

    private static string Join(string head, long rest) => rest == 0 ? head : head + " " + Words(rest);
}
