using Sipp.Domain.Contributions;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using static Sipp.Domain.Tests.TestRules;

namespace Sipp.Domain.Tests.Contributions;

public class ContributionInputsTests
{
    [Theory]
    [InlineData("2021-12", 5_000_000, "1990-01-01", 1, "periode")]
    [InlineData("2026-03", 0, "1990-01-01", 1, "upah")]
    [InlineData("2026-03", -5, "1990-01-01", 1, "upah")]
    [InlineData("2026-03", 1_000_000_001, "1990-01-01", 1, "upah")]
    [InlineData("2026-03", 5_000_000, "2026-03-01", 1, "tanggalLahir")]
    [InlineData("2026-03", 5_000_000, "2030-01-01", 1, "tanggalLahir")]
    [InlineData("2026-03", 5_000_000, "1990-01-01", 0, "kelasRisiko")]
    [InlineData("2026-03", 5_000_000, "1990-01-01", 6, "kelasRisiko")]
    public void BadInput_IsRefused_OnTheOffendingField(string period, long upah, string birthDate, int riskClass, string field)
    {
        var errors = ContributionInputs.Check(
            Shipped, Period.Parse(period), new WorkerFacts(upah, Date(birthDate), Citizenship.Wni), new CompanyFacts(riskClass, true, false));

        Assert.Equal([field], errors.Keys);
        Assert.NotEmpty(errors[field][0]);
    }

    [Theory]
    [InlineData("2022-01", 1)]
    [InlineData("2026-03", 1_000_000_000)]
    public void TheSmallestAndLargestAcceptedInputs_PassTheChecks(string period, long upah)
    {
        var errors = ContributionInputs.Check(
            Shipped, Period.Parse(period), new WorkerFacts(upah, Date("1990-01-01"), Citizenship.Wni), new CompanyFacts(5, true, false));

        Assert.Empty(errors);
    }

    [Fact]
    public void PeriodRules_RefuseAPeriodBefore2022()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            PeriodRules.For(Shipped, Period.Parse("2021-12"), new CompanyFacts(1, true, false)));

        Assert.Equal("Periode sebelum 2022-01 tidak didukung.", error.Errors["periode"][0]);
    }
}
