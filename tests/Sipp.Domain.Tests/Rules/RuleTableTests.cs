using Sipp.Domain.Contributions;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;
using static Sipp.Domain.Tests.TestRules;

namespace Sipp.Domain.Tests.Rules;

public class RuleTableTests
{
    [Theory]
    [InlineData("2026-02-28", 10_547_400)]
    [InlineData("2026-03-01", 11_086_300)]
    [InlineData("2040-01-01", 11_086_300)]
    public void ValueOn_TakesTheLatestRowNotAfterTheDate(string date, long expected)
    {
        Assert.Equal(expected, Shipped.AmountOn(RuleKeys.JpWageCap, Date(date)));
    }

    [Theory]
    [InlineData("3171", "2025-12-31", null)] // before the first row of the region
    [InlineData("3171", "2026-01-01", 5_400_000L)]
    [InlineData("3171", "2027-02-01", 5_700_000L)]
    [InlineData("3273", "2026-06-01", null)] // a region without data: no minimum wage, no warning
    [InlineData(null, "2026-06-01", null)]
    public void MinimumWage_IsOptionalData_PerRegion_EffectiveDated(string? region, string date, long? expected)
    {
        var table = new RuleTable(Shipped.Rows.Concat(
        [
            new RuleRow(RuleKeys.MinimumWage("3171"), Date("2026-01-01"), 5_400_000),
            new RuleRow(RuleKeys.MinimumWage("3171"), Date("2027-01-01"), 5_700_000),
        ]));

        Assert.Equal(expected, table.MinimumWageOn(region, Date(date)));
    }

    [Theory]
    [InlineData("upahMinimum.x")] // region too short
    [InlineData("upahMinimum.jakarta selatan")] // a space
    [InlineData("upahMinimum.")]
    public void AMinimumWageKey_NamesAValidRegion(string key)
    {
        var problem = Assert.Throws<InvalidRuleTableException>(() => new RuleTable(Shipped.Rows.Append(new RuleRow(key, Date("2026-01-01"), 5_000_000))));

        Assert.Contains("kunci aturan tidak dikenal", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2018, 56)]
    [InlineData(2019, 57)]
    [InlineData(2021, 57)]
    [InlineData(2022, 58)]
    [InlineData(2024, 58)]
    [InlineData(2025, 59)]
    [InlineData(2028, 60)]
    [InlineData(2030, 60)]
    [InlineData(2042, 64)]
    [InlineData(2043, 65)]
    [InlineData(2060, 65)]
    public void RetirementAge_RisesEveryThreeYearsTo65(int year, int expected)
    {
        Assert.Equal(expected, Shipped.RetirementAgeInYear(year));
    }

    [Fact]
    public void ShippedTable_HoldsTheFixedDateHolidays()
    {
        foreach (var date in new[] { "2026-01-01", "2026-05-01", "2026-06-01", "2026-08-17", "2026-12-25" })
        {
            Assert.Contains(Date(date), Shipped.Holidays);
        }

        Assert.Equal(Period.Parse("2022-01"), Shipped.FirstSupportedPeriod);
    }

    [Fact]
    public void ANewRow_IsUsedFromItsDateOn()
    {
        var table = new RuleTable(Shipped.Rows.Append(new RuleRow(RuleKeys.JpWageCap, Date("2027-03-01"), 11_650_000m, "Batas 2027")));

        Assert.Equal(11_086_300, Compute("2027-02", 20_000_000, table: table).JpBase);
        Assert.Equal(11_650_000, Compute("2027-03", 20_000_000, table: table).JpBase);
    }

    [Theory]
    [InlineData("jht.tidakAda", 1, "kunci aturan tidak dikenal")]
    [InlineData(RuleKeys.JhtEmployer, 3.12345, "paling banyak 4 desimal")]
    [InlineData(RuleKeys.JhtEmployer, 101, "persentase harus 0–100")]
    [InlineData(RuleKeys.JpWageCap, 0, "jumlah rupiah harus bilangan bulat")]
    [InlineData(RuleKeys.JpWageCap, 1000.5, "jumlah rupiah harus bilangan bulat")]
    [InlineData(RuleKeys.RetirementAge, 58.5, "usia harus bilangan bulat")]
    [InlineData(RuleKeys.DueDay, 31, "tanggal jatuh tempo harus 1–28")]
    public void AnInvalidRow_IsRefused_WithTheReason(string key, double value, string expected)
    {
        var rows = Shipped.Rows.Append(new RuleRow(key, Date("2030-01-01"), (decimal)value));

        var error = Assert.Throws<InvalidRuleTableException>(() => new RuleTable(rows));

        Assert.Contains(error.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingKey_IsRefused()
    {
        var rows = Shipped.Rows.Where(r => r.Key != RuleKeys.JkkClass(3));

        var error = Assert.Throws<InvalidRuleTableException>(() => new RuleTable(rows));

        Assert.Contains("Aturan jkk.kelas.3 belum ada.", error.Problems);
    }

    [Fact]
    public void TwoRowsForTheSameKeyAndDate_AreRefused()
    {
        var rows = Shipped.Rows.Append(new RuleRow(RuleKeys.JpWageCap, Date("2026-03-01"), 1m));

        Assert.Throws<InvalidRuleTableException>(() => new RuleTable(rows));
    }

    [Theory]
    [InlineData(0.24, 24_000)]
    [InlineData(0.445, 44_500)]
    [InlineData(0.0001, 10)]
    [InlineData(100, 10_000_000)]
    public void Rate_IsExact(double percent, long expectedOfTenMillion)
    {
        Assert.Equal(expectedOfTenMillion, Rate.FromPercent((decimal)percent).Of(10_000_000));
    }

    [Theory]
    [InlineData(5, 2, 3)]
    [InlineData(-5, 2, -3)]
    [InlineData(7, 3, 2)]
    [InlineData(-7, 3, -2)]
    [InlineData(4, 8, 1)]
    [InlineData(3, 8, 0)]
    public void Rounding_IsHalfAwayFromZero(long numerator, long denominator, long expected)
    {
        Assert.Equal(expected, Rounding.DivideHalfAwayFromZero(numerator, denominator));
    }

    [Theory]
    [InlineData(1_081_389, "Rp 1.081.389")]
    [InlineData(0, "Rp 0")]
    [InlineData(-500, "-Rp 500")]
    public void Rupiah_IsWrittenTheIndonesianWay(long value, string expected)
    {
        Assert.Equal(expected, new Rupiah(value).ToString());
    }

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData(" 2026-03 ", true)]
    [InlineData("2026-3", false)]
    [InlineData("2026/03", false)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("03-2026", false)]
    [InlineData("", false)]
    public void Period_IsWrittenYYYYMM(string input, bool valid)
    {
        Assert.Equal(valid, Period.TryParse(input, out _, out _));
    }

    [Fact]
    public void Period_ArithmeticCrossesYears()
    {
        Assert.Equal(Period.Parse("2027-01"), Period.Parse("2026-12").AddMonths(1));
        Assert.Equal(Period.Parse("2025-12"), Period.Parse("2026-01").AddMonths(-1));
        Assert.Equal(Date("2024-02-29"), Period.Parse("2024-02").LastDay);
        Assert.Equal("Maret 2026", Period.Parse("2026-03").ToDisplayString());
    }
}
