using System.Globalization;
using Sipp.Domain.Money;

namespace Sipp.Domain.Rules;

/// <summary>
/// A percentage held exactly as parts per million (0.445% = 4,450 ppm), so that applying it to a wage is
/// integer arithmetic with one rounding.
/// </summary>
public readonly record struct Rate(int PartsPerMillion)
{
    private const long Million = 1_000_000;

    public static Rate Zero => new(0);

    /// <summary>From a percentage such as 0.445; more than four decimals cannot be held exactly and are refused.</summary>
    public static Rate FromPercent(decimal percent)
    {
        var ppm = percent * 10_000m;
        if (ppm != decimal.Truncate(ppm) || ppm is < 0 or > 100 * 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "Persentase harus 0–100 dengan paling banyak 4 desimal.");
        }

        return new Rate((int)ppm);
    }

    public decimal Percent => PartsPerMillion / 10_000m;

    /// <summary>amount × rate, rounded half away from zero to the whole rupiah.</summary>
    public long Of(long amount) => Rounding.DivideHalfAwayFromZero(amount * PartsPerMillion, Million);

    /// <summary>This rate reduced by a discount percentage (50 halves it).</summary>
    public Rate Discounted(Rate discount) =>
        new((int)Rounding.DivideHalfAwayFromZero((long)PartsPerMillion * (Million - discount.PartsPerMillion), Million));

    /// <summary>Indonesian notation: 0,445%.</summary>
    public override string ToString() =>
        Percent.ToString("0.####", CultureInfo.GetCultureInfo("id-ID")) + "%";
}
