using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;
using static Sipp.Domain.Tests.TestRules;

namespace Sipp.Domain.Tests.Contributions;

public class LateFineTests
{
    [Fact]
    public void WorkedExample5_TwoMonthsLate()
    {
        var fine = LateFine.Compute(Period.Parse("2026-01"), 10_000_000, Date("2026-03-20"), Shipped);

        Assert.Equal(Date("2026-02-16"), fine.DueDate); // Sunday 15th → Monday
        Assert.Equal(2, fine.MonthsLate);
        Assert.Equal(400_000, fine.Fine);
    }

    [Theory]
    [InlineData("2026-03", "2026-04-15")] // Wednesday
    [InlineData("2026-04", "2026-05-15")] // Friday
    [InlineData("2026-01", "2026-02-16")] // Sunday → Monday
    [InlineData("2025-10", "2025-11-17")] // Saturday → Monday
    [InlineData("2026-07", "2026-08-18")] // Saturday, Sunday, then 17 August → Tuesday
    [InlineData("2027-12", "2028-01-17")] // Saturday → Monday
    public void DueDate_IsThe15thOfTheNextMonth_MovedToTheNextWorkingDay(string period, string expected)
    {
        Assert.Equal(Date(expected), LateFine.DueDate(Period.Parse(period), Shipped));
    }

    [Fact]
    public void DueDate_MovesOverAHolidayAddedAsData()
    {
        var table = new RuleTable(Shipped.Rows.Append(new RuleRow(RuleKeys.Holiday, Date("2026-04-15"), 1, "Contoh")));

        Assert.Equal(Date("2026-04-16"), LateFine.DueDate(Period.Parse("2026-03"), table));
    }

    [Theory]
    [InlineData("2026-04-10", 0)] // early
    [InlineData("2026-04-15", 0)] // on the due date
    [InlineData("2026-04-16", 1)] // one day late
    [InlineData("2026-05-15", 1)] // exactly one month late
    [InlineData("2026-05-16", 2)]
    [InlineData("2026-06-15", 2)]
    [InlineData("2026-09-30", 6)]
    [InlineData("2027-04-16", 13)]
    public void MonthsLate_CountsEachMonthOrPartOfAMonth(string paidOn, int expected)
    {
        Assert.Equal(expected, LateFine.MonthsLate(Date("2026-04-15"), Date(paidOn)));
    }

    [Theory]
    [InlineData("2026-04-15", 0)]
    [InlineData("2026-04-16", 21_628)]   // 2% of 1,081,389 = 21,627.78
    [InlineData("2026-07-01", 64_883)]   // 3 months: 6% = 64,883.34, not compounded
    public void Fine_IsTwoPercentPerMonthLate_RoundedOnce(string paidOn, long expected)
    {
        Assert.Equal(expected, LateFine.Compute(Period.Parse("2026-03"), 1_081_389, Date(paidOn), Shipped).Fine);
    }
}
