using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;

namespace Sipp.Domain.Contributions;

/// <summary>The business checks on one worker's inputs, keyed by the contract's field names.</summary>
public static class ContributionInputs
{
    public static Dictionary<string, string[]> Check(RuleTable table, Period period, in WorkerFacts worker, CompanyFacts company)
    {
        var errors = new Dictionary<string, string[]>();
        if (PeriodRules.CheckPeriod(table, period) is { } periodError)
        {
            errors[ContributionFields.Period] = [periodError];
        }

        if (Rupiah.CheckWage(worker.Upah) is { } wageError)
        {
            errors[ContributionFields.Wage] = [wageError];
        }

        if (worker.BirthDate >= period.FirstDay)
        {
            errors[ContributionFields.BirthDate] = ["Tanggal lahir harus sebelum periode iuran."];
        }

        if (!JkkRiskClass.IsValid(company.JkkRiskClass))
        {
            errors[ContributionFields.RiskClass] = [JkkRiskClass.InvalidMessage];
        }

        return errors;
    }
}
