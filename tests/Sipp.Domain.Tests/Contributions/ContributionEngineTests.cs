using Sipp.Domain.Contributions;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using static Sipp.Domain.Tests.TestRules;

namespace Sipp.Domain.Tests.Contributions;

public class ContributionEngineTests
{
    [Fact]
    public void WorkedExample1_March2026_ClassI_AboveJpCap()
    {
        var r = Compute("2026-03", 12_000_000, riskClass: 1, birthDate: "1990-05-17");

        Assert.Equal((444_000, 240_000), (r.JhtEmployer, r.JhtWorker));
        Assert.Equal(28_800, r.JkkEmployer);
        Assert.Equal(36_000, r.JkmEmployer);
        Assert.Equal((221_726, 110_863), (r.JpEmployer, r.JpWorker));
        Assert.Equal(11_086_300, r.JpBase);
        Assert.Equal(730_526, r.TotalEmployer);
        Assert.Equal(350_863, r.TotalWorker);
        Assert.Equal(1_081_389, r.Total);
        Assert.Equal((5_000_000, 11_000, 7_000, 0), (r.JkpBase, r.JkpGovernment, r.JkpFromJkk, r.JkpFromJkm));
    }

    [Fact]
    public void WorkedExample2_January2026_ClassII()
    {
        var r = Compute("2026-01", 5_000_000, riskClass: 2);

        Assert.Equal((185_000, 100_000), (r.JhtEmployer, r.JhtWorker));
        Assert.Equal(27_000, r.JkkEmployer);
        Assert.Equal(15_000, r.JkmEmployer);
        Assert.Equal((100_000, 50_000), (r.JpEmployer, r.JpWorker));
        Assert.Equal(477_000, r.Total);
    }

    [Fact]
    public void WorkedExample3_January2026_UsesThe2025JpCap()
    {
        var r = Compute("2026-01", 15_000_000, riskClass: 2);

        Assert.Equal(10_547_400, r.JpBase);
        Assert.Equal((210_948, 105_474), (r.JpEmployer, r.JpWorker));
    }

    [Fact]
    public void WorkedExample4_SharesAreRoundedSeparately()
    {
        var r = Compute("2026-03", 5_729_876, riskClass: 1);

        Assert.Equal((212_005, 114_598), (r.JhtEmployer, r.JhtWorker));
        Assert.Equal((114_598, 57_299), (r.JpEmployer, r.JpWorker));
        Assert.Equal(171_897, r.JpEmployer + r.JpWorker); // 3% at once would give 171,896
    }

    [Theory]
    [InlineData(1, 24_000)]
    [InlineData(2, 54_000)]
    [InlineData(3, 89_000)]
    [InlineData(4, 127_000)]
    [InlineData(5, 174_000)]
    public void Jkk_UsesTheRateOfTheCompanysRiskClass(int riskClass, long expectedJkk)
    {
        Assert.Equal(expectedJkk, Compute("2026-03", 10_000_000, riskClass).JkkEmployer);
    }

    [Theory]
    [InlineData("2025-01", 3, 89_000)]  // before the window
    [InlineData("2025-02", 3, 44_500)]  // first discounted period: 0.445%
    [InlineData("2025-09", 4, 63_500)]  // 0.635%
    [InlineData("2025-09", 5, 87_000)]  // 0.87%
    [InlineData("2026-01", 3, 44_500)]  // last discounted period
    [InlineData("2026-02", 3, 89_000)]  // after the window
    public void Jkk_IsHalvedForLabourIntensiveCompanies_OnlyInsideTheWindow(string period, int riskClass, long expectedJkk)
    {
        Assert.Equal(expectedJkk, Compute(period, 10_000_000, riskClass, labourIntensive: true).JkkEmployer);
    }

    [Fact]
    public void Jkk_IsNotDiscounted_ForCompaniesNotFlaggedLabourIntensive()
    {
        Assert.Equal(89_000, Compute("2025-09", 10_000_000, riskClass: 3, labourIntensive: false).JkkEmployer);
    }

    [Theory]
    [InlineData("2022-02", 11_000_000, 8_754_600)]   // row of 2021 until February 2022
    [InlineData("2022-03", 11_000_000, 9_077_600)]   // row of 2022 from March
    [InlineData("2025-02", 11_000_000, 10_042_300)]
    [InlineData("2025-03", 11_000_000, 10_547_400)]
    [InlineData("2026-02", 11_000_000, 10_547_400)]
    [InlineData("2026-03", 11_000_000, 11_000_000)]  // below the new cap: the whole wage
    [InlineData("2026-03", 11_086_300, 11_086_300)]  // exactly at the cap
    [InlineData("2026-03", 11_086_301, 11_086_300)]  // one rupiah above the cap
    [InlineData("2031-07", 50_000_000, 11_086_300)]  // a future period uses the newest row
    public void JpBase_IsTheWageCappedByTheCapOfThePeriod_ChangingInMarch(string period, long upah, long expectedBase)
    {
        var r = Compute(period, upah, birthDate: "1995-01-01");

        Assert.Equal(expectedBase, r.JpBase);
        Assert.Equal(Rounded(expectedBase * 2, 100), r.JpEmployer);
        Assert.Equal(Rounded(expectedBase, 100), r.JpWorker);
    }

    [Theory]
    [InlineData(1_000_025, 20_001)] // 20,000.5 rounds up
    [InlineData(1_000_024, 20_000)] // 20,000.48 rounds down
    [InlineData(1_000_075, 20_002)] // 20,001.5 rounds up
    public void Shares_AreRoundedHalfAwayFromZero(long upah, long expectedJhtWorker)
    {
        Assert.Equal(expectedJhtWorker, Compute("2026-03", upah).JhtWorker);
    }

    [Fact]
    public void Jkm_HalfRupiah_RoundsUp()
    {
        Assert.Equal(3_002, Compute("2026-03", 1_000_500).JkmEmployer); // 3,001.5
    }

    [Fact]
    public void Jp_IsNotDue_WhenTheCompanyDoesNotTakePart()
    {
        var r = Compute("2026-03", 8_000_000, takesPartInJp: false);

        Assert.Equal(JpStatus.CompanyNotParticipating, r.JpStatus);
        Assert.Equal((0, 0, 0), (r.JpBase, r.JpEmployer, r.JpWorker));
        Assert.Equal(296_000 + 160_000 + 19_200 + 24_000, r.Total);
    }

    [Fact]
    public void Jp_IsNotDue_ForForeignWorkers()
    {
        var r = Compute("2026-03", 8_000_000, citizenship: Citizenship.Wna);

        Assert.Equal(JpStatus.ForeignWorker, r.JpStatus);
        Assert.Equal((0, 0), (r.JpEmployer, r.JpWorker));
    }

    [Theory]
    [InlineData("1966-12-15", "2024-12", JpStatus.Due)]                  // reaches 58 on 2024-12-15
    [InlineData("1966-12-15", "2025-01", JpStatus.RetirementAgeReached)]
    [InlineData("1966-12-15", "2028-06", JpStatus.RetirementAgeReached)] // a later rise does not bring JP back
    [InlineData("1967-03-10", "2025-04", JpStatus.Due)]                  // 58 in 2025, when 59 is in force
    [InlineData("1967-03-10", "2026-03", JpStatus.Due)]                  // reaches 59 on 2026-03-10
    [InlineData("1967-03-10", "2026-04", JpStatus.RetirementAgeReached)]
    [InlineData("1965-06-01", "2023-05", JpStatus.Due)]                  // 57 in 2022 (58 in force), reaches 58 on 2023-06-01
    [InlineData("1965-06-01", "2023-06", JpStatus.RetirementAgeReached)] // reached on the period's first day
    [InlineData("1968-02-29", "2027-02", JpStatus.Due)]                  // 29 February counts as 1 March in 2027
    [InlineData("1968-02-29", "2027-03", JpStatus.RetirementAgeReached)]
    [InlineData("1968-02-28", "2027-02", JpStatus.Due)]
    [InlineData("1968-02-28", "2027-03", JpStatus.RetirementAgeReached)]
    [InlineData("1970-01-20", "2029-12", JpStatus.Due)]                  // 59 in 2029 while 60 is in force
    [InlineData("1970-01-20", "2030-01", JpStatus.Due)]                  // reaches 60 on 2030-01-20
    [InlineData("1970-01-20", "2030-02", JpStatus.RetirementAgeReached)]
    public void Jp_IsNotDue_WhenWorkerReachedRetirementAge(string birthDate, string period, JpStatus expected)
    {
        var r = Compute(period, 6_000_000, birthDate: birthDate);

        Assert.Equal(expected, r.JpStatus);
        Assert.Equal(expected == JpStatus.Due ? 120_000 : 0, r.JpEmployer);
        Assert.Equal(expected == JpStatus.Due ? 60_000 : 0, r.JpWorker);
    }

    [Fact]
    public void Jkp_BeforeFebruary2025_IsAlsoFundedFromJkm()
    {
        var r = Compute("2024-06", 6_000_000);

        Assert.Equal((5_000_000, 11_000, 7_000, 5_000), (r.JkpBase, r.JkpGovernment, r.JkpFromJkk, r.JkpFromJkm));
    }

    [Fact]
    public void Jkp_UsesTheWholeWage_BelowItsCap()
    {
        var r = Compute("2026-03", 3_000_000);

        Assert.Equal((3_000_000, 6_600, 4_200, 0), (r.JkpBase, r.JkpGovernment, r.JkpFromJkk, r.JkpFromJkm));
    }

    [Theory]
    [InlineData("1972-03-02", "2026-03", JkpStatus.Eligible)]              // 53 on 2026-03-01
    [InlineData("1972-03-01", "2026-03", JkpStatus.TooOldAtRegistration)] // turns 54 on the first day
    public void Jkp_WithoutRegistrationDate_UsesTheAgeOnThePeriodsFirstDay(string birthDate, string period, JkpStatus expected)
    {
        Assert.Equal(expected, Compute(period, 4_000_000, birthDate: birthDate).JkpStatus);
    }

    [Fact]
    public void Jkp_UsesTheAgeAtRegistration_WhenKnown()
    {
        var r = Compute("2026-03", 4_000_000, birthDate: "1970-01-01", registeredOn: "2023-12-31");

        Assert.Equal(JkpStatus.Eligible, r.JkpStatus);
        Assert.Equal(8_800, r.JkpGovernment);
    }

    [Fact]
    public void Jkp_IsZero_ForForeignWorkers_AndNeverChangesTheBill()
    {
        var wni = Compute("2026-03", 4_000_000);
        var wna = Compute("2026-03", 4_000_000, citizenship: Citizenship.Wna);

        Assert.Equal(JkpStatus.ForeignWorker, wna.JkpStatus);
        Assert.Equal((0, 0, 0, 0), (wna.JkpBase, wna.JkpGovernment, wna.JkpFromJkk, wna.JkpFromJkm));
        Assert.Equal(wni.TotalEmployer - wni.JpEmployer, wna.TotalEmployer);
    }

    [Fact]
    public void ComputingAPeriod_GivesTheSameResultAsEachWorkerAlone()
    {
        var rules = PeriodRules.For(Shipped, Period.Parse("2026-03"), new CompanyFacts(2, true, false));
        WorkerFacts[] workers =
        [
            new(12_000_000, Date("1990-05-17"), Citizenship.Wni),
            new(4_000_000, Date("1960-01-01"), Citizenship.Wni),
            new(7_500_000, Date("1985-07-07"), Citizenship.Wna),
        ];
        var results = new ContributionResult[workers.Length];

        ContributionEngine.Compute(rules, workers, results);

        for (var i = 0; i < workers.Length; i++)
        {
            Assert.Equal(ContributionEngine.Compute(rules, workers[i]), results[i]);
        }
    }

    [Fact]
    public void Explanation_SaysWhichCapAppliedAndWhyJpIsNotDue()
    {
        var rules = PeriodRules.For(Shipped, Period.Parse("2026-03"), new CompanyFacts(1, true, false));
        var capped = new WorkerFacts(12_000_000, Date("1990-05-17"), Citizenship.Wni);
        var retired = new WorkerFacts(6_000_000, Date("1966-12-15"), Citizenship.Wni);

        var cappedLines = ContributionExplanation.Describe(rules, capped, ContributionEngine.Compute(rules, capped));
        var retiredLines = ContributionExplanation.Describe(rules, retired, ContributionEngine.Compute(rules, retired));

        Assert.Contains(cappedLines, l => l.Contains("batas atas upah JP", StringComparison.Ordinal) && l.Contains("Rp 11.086.300", StringComparison.Ordinal));
        Assert.Contains(retiredLines, l => l.Contains("usia pensiun 58 tahun pada 15 Desember 2024", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanation_MentionsTheLabourIntensiveDiscount()
    {
        var rules = PeriodRules.For(Shipped, Period.Parse("2025-06"), new CompanyFacts(3, true, true));
        var worker = new WorkerFacts(10_000_000, Date("1990-01-01"), Citizenship.Wni);

        var lines = ContributionExplanation.Describe(rules, worker, ContributionEngine.Compute(rules, worker));

        Assert.Contains(lines, l => l.Contains("diskon padat karya 50%", StringComparison.Ordinal) && l.Contains("0,445%", StringComparison.Ordinal));
    }

    private static long Rounded(long numerator, long denominator) =>
        (long)Math.Round((decimal)numerator / denominator, MidpointRounding.AwayFromZero);
}
