using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using static Sipp.Domain.Tests.TestRules;

namespace Sipp.Domain.Tests.Workers;

public class WorkerRulesTests
{
    [Theory]
    [InlineData("2026-01-31", "2026-02-01", false)]
    [InlineData("2026-02-01", "2026-02-01", true)]
    [InlineData("2026-05-10", "2026-02-01", true)]
    public void Deactivation_IsNotBeforeTheStartDate(string endDate, string startDate, bool allowed)
    {
        Assert.Equal(allowed, DeactivationRules.NotBeforeStart(Date(endDate), Date(startDate)) is null);
    }

    [Fact]
    public void Deactivation_CollectsEveryBrokenRule()
    {
        var errors = DeactivationRules.Check(Date("2020-01-01"), Date("2024-01-01"), Date("2018-06-01")); // before the start, and over a year ahead

        Assert.Equal(2, errors.Count);
    }

    [Theory]
    [InlineData(2026, null, "26000000001")]
    [InlineData(2026, "26000000041", "26000000042")]
    [InlineData(2031, "31000009999", "31000010000")]
    public void Kpj_IsTheYearFollowedByItsSequence(int year, string? highest, string expected)
    {
        Assert.Equal(expected, KpjIssuer.Next(year, highest).Value);
    }

    [Fact]
    public void Kpj_RefusesAHighestNumberOfAnotherYear_AndAnExhaustedSequence()
    {
        Assert.Throws<ArgumentException>(() => KpjIssuer.Next(2026, "25000000001"));
        Assert.Throws<InvalidOperationException>(() => KpjIssuer.Next(2026, "26999999999"));
    }
}
