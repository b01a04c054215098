using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using static Sipp.Domain.Tests.TestRules;

namespace Sipp.Domain.Tests.Contributions;

/// <summary>A year's JP cap applies from March; a period of a year whose cap is not yet in the table says so.</summary>
public class UnannouncedJpCapTests
{
    [Theory]
    [InlineData("2026-02", 10_547_400, null)] // the 2025 cap is February 2026's own
    [InlineData("2026-03", 11_086_300, null)]
    [InlineData("2027-02", 11_086_300, null)] // still the 2026 cap's year
    [InlineData("2027-03", 11_086_300, "Batas upah JP tahun 2027 belum ditetapkan: JP dihitung dengan batas tahun 2026 (Rp 11.086.300).")]
    [InlineData("2028-01", 11_086_300, "Batas upah JP tahun 2027 belum ditetapkan: JP dihitung dengan batas tahun 2026 (Rp 11.086.300).")]
    public void APeriodWithoutItsYearsCap_IsComputedWithTheLatest_AndSaysSo(string period, long cap, string? caveat)
    {
        var rules = PeriodRules.For(Shipped, Period.Parse(period), new CompanyFacts(1, true, false));

        Assert.Equal(cap, rules.JpWageCap);
        Assert.Equal(caveat, rules.JpCapCaveat);
    }
}
