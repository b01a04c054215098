using System.Globalization;
using Sipp.Domain.Money;

namespace Sipp.Domain.Tests.Money;

public class RupiahTests
{
    [Theory]
    [InlineData("id-ID", 1_234_567, "Rp 1.234.567")]
    [InlineData("id-ID", -185_000, "-Rp 185.000")]
    [InlineData("en-US", 1_234_567, "IDR 1,234,567")]
    [InlineData("en-US", -185_000, "-IDR 185,000")]
    public void AnAmount_IsWrittenTheWayItsReaderWritesIt(string culture, long amount, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, new Rupiah(amount).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
