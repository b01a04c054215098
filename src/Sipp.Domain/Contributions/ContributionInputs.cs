using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;

namespace Sipp.Domain.Contributions;

/// <summary>
/// The business checks on one worker's inputs, keyed by the contract's field names. Each input may be missing
/// (it failed to parse); the others are still checked so that every problem is reported at once.
/// </summary>
public static class ContributionInputs
{
    public static Dictionary<string, string[]> Check(RuleTable table, Period? period, long? upah, DateOnly? birthDate, int? riskClass)
    {
        var errors = new Dictionary<string, string[]>();
        if (period is { } p && PeriodRules.CheckPeriod(table, p) is { } periodError)
        {
            errors[ContributionFields.Period] = [periodError];
        }

        if (upah is { } wage && Rupiah.CheckWage(wage) is { } wageError)
        {
            errors[ContributionFields.Wage] = [wageError];
        }

        if (birthDate is { } birth && period is { } q && birth >= q.FirstDay)
        {
            errors[ContributionFields.BirthDate] = [Wording.Of("Tanggal lahir harus sebelum periode iuran.")];
        }

        if (riskClass is { } c && !JkkRiskClass.IsValid(c))
        {
            errors[ContributionFields.RiskClass] = [JkkRiskClass.InvalidMessage];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Check(RuleTable table, Period period, in WorkerFacts worker, CompanyFacts company) =>
        Check(table, period, worker.Upah, worker.BirthDate, company.JkkRiskClass);
}
