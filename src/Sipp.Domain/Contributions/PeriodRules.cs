using Sipp.Domain.Periods;
using Sipp.Domain.Rules;

namespace Sipp.Domain.Contributions;

/// <summary>
/// The rules of one period for one company, resolved once from the rule table so that computing each worker is
/// plain integer arithmetic.
/// </summary>
public sealed class PeriodRules
{
    private PeriodRules(RuleTable table, Period period, CompanyFacts company)
    {
        var day = period.FirstDay;
        Period = period;
        Company = company;
        JhtEmployer = table.RateOn(RuleKeys.JhtEmployer, day);
        JhtWorker = table.RateOn(RuleKeys.JhtWorker, day);
        JkkClassRate = table.RateOn(RuleKeys.JkkClass(company.JkkRiskClass), day);
        JkkDiscount = company.LabourIntensive ? table.RateOn(RuleKeys.JkkLabourIntensiveDiscount, day) : Rate.Zero;
        JkkEmployer = JkkClassRate.Discounted(JkkDiscount);
        JkmEmployer = table.RateOn(RuleKeys.JkmEmployer, day);
        JpEmployer = table.RateOn(RuleKeys.JpEmployer, day);
        JpWorker = table.RateOn(RuleKeys.JpWorker, day);
        JpWageCap = table.AmountOn(RuleKeys.JpWageCap, day);
        LatestRetiredBirthDate = Retirement.LatestRetiredBirthDate(day, table);
        JkpWageCap = table.AmountOn(RuleKeys.JkpWageCap, day);
        JkpGovernment = table.RateOn(RuleKeys.JkpGovernment, day);
        JkpFromJkk = table.RateOn(RuleKeys.JkpFromJkk, day);
        JkpFromJkm = table.RateOn(RuleKeys.JkpFromJkm, day);
        JkpMaximumAge = table.WholeNumberOn(RuleKeys.JkpMaximumAge, day);
        Table = table;
        JpCapCaveat = UnannouncedJpCap(table, period);
    }

    /// <summary>
    /// Why the JP wage cap used may not be the period's own, or null. A year's cap applies from March to the next
    /// February; a period whose year has no cap in the table yet is computed with the latest one (iuran.md §4).
    /// </summary>
    public string? JpCapCaveat { get; }

    /// <summary>See <see cref="JpCapCaveat"/>; also for reminding administrators of the year's missing cap.</summary>
    public static string? UnannouncedJpCap(RuleTable table, Period period)
    {
        var capYear = period.Month >= 3 ? period.Year : period.Year - 1;
        var latest = table.Rows.Where(r => r.Key == RuleKeys.JpWageCap && r.EffectiveFrom <= period.FirstDay).MaxBy(r => r.EffectiveFrom);
        return latest is null || latest.EffectiveFrom.Year >= capYear
            ? null
            : Wording.Of($"Batas upah JP tahun {capYear} belum ditetapkan: JP dihitung dengan batas tahun {latest.EffectiveFrom.Year} ({new Money.Rupiah((long)latest.Value)}).");
    }

    public RuleTable Table { get; }

    public Period Period { get; }

    public CompanyFacts Company { get; }

    public Rate JhtEmployer { get; }

    public Rate JhtWorker { get; }

    /// <summary>The company's class rate before any labour-intensive discount.</summary>
    public Rate JkkClassRate { get; }

    /// <summary>The labour-intensive discount applied to the JKK rate (zero when none).</summary>
    public Rate JkkDiscount { get; }

    public Rate JkkEmployer { get; }

    public Rate JkmEmployer { get; }

    public Rate JpEmployer { get; }

    public Rate JpWorker { get; }

    public long JpWageCap { get; }

    /// <summary>Workers born on or before this date have reached retirement age by the period's first day.</summary>
    public DateOnly LatestRetiredBirthDate { get; }

    public long JkpWageCap { get; }

    public Rate JkpGovernment { get; }

    public Rate JkpFromJkk { get; }

    public Rate JkpFromJkm { get; }

    public int JkpMaximumAge { get; }

    /// <summary>Resolves the rules, refusing a period before the first supported one or an unknown risk class.</summary>
    public static PeriodRules For(RuleTable table, Period period, CompanyFacts company)
    {
        var errors = new Dictionary<string, string[]>();
        if (CheckPeriod(table, period) is { } periodError)
        {
            errors[ContributionFields.Period] = [periodError];
        }

        if (!JkkRiskClass.IsValid(company.JkkRiskClass))
        {
            errors[ContributionFields.RiskClass] = [JkkRiskClass.InvalidMessage];
        }

        return errors.Count > 0 ? throw new DomainValidationException(errors) : new PeriodRules(table, period, company);
    }

    public static string? CheckPeriod(RuleTable table, Period period) => period < table.FirstSupportedPeriod
        ? Wording.Of($"Periode sebelum {table.FirstSupportedPeriod} tidak didukung.")
        : null;
}
