namespace Sipp.Domain.Money;

/// <summary>The one place where rupiah amounts are rounded: half away from zero, to the whole rupiah.</summary>
public static class Rounding
{
    /// <summary>numerator / denominator rounded half away from zero; denominator must be positive.</summary>
    public static long DivideHalfAwayFromZero(long numerator, long denominator)
    {
        var quotient = Math.DivRem(numerator, denominator, out var remainder);
        var twice = Math.Abs(remainder) * 2;
        if (twice >= denominator)
        {
            quotient += numerator < 0 ? -1 : 1;
        }

        return quotient;
    }
}
