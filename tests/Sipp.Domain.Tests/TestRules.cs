using Sipp.Domain.Contributions;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;

namespace Sipp.Domain.Tests;

/// <summary>The shipped rule table, and short-hands for computing one worker.</summary>
internal static class TestRules
{
    public static readonly RuleTable Shipped = RuleDataFile.LoadTable();

    public static ContributionResult Compute(
        string period,
        long upah,
        int riskClass = 1,
        string birthDate = "1990-05-17",
        Citizenship citizenship = Citizenship.Wni,
        bool takesPartInJp = true,
        bool labourIntensive = false,
        string? registeredOn = null,
        RuleTable? table = null)
    {
        var rules = PeriodRules.For(table ?? Shipped, Period.Parse(period), new CompanyFacts(riskClass, takesPartInJp, labourIntensive));
        var worker = new WorkerFacts(
            upah,
            DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture),
            citizenship,
            registeredOn is null ? null : DateOnly.Parse(registeredOn, System.Globalization.CultureInfo.InvariantCulture));
        return ContributionEngine.Compute(rules, worker);
    }

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
