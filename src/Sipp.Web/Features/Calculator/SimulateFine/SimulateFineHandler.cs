using Sipp.Domain;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Calculator.SimulateFine;

public sealed record SimulateFineRequest(Period Period, long ContributionTotal, DateOnly PaidOn);

/// <summary>Due date and late fine of a period for a given payment date (iuran.md §4).</summary>
public sealed class SimulateFineHandler(RuleTableProvider rules)
{
    public const long MaximumTotal = 1_000_000_000_000_000;

    public async Task<FineResult> HandleAsync(SimulateFineRequest request, CancellationToken cancellationToken)
    {
        var table = await rules.GetAsync(cancellationToken);
        var errors = Check(table, request.Period, request.ContributionTotal, request.PaidOn);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        return LateFine.Compute(request.Period, request.ContributionTotal, request.PaidOn, table);
    }

    /// <summary>The business checks on whatever parsed, for a request that also has malformed fields.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CheckPartsAsync(
        Period? period, long? total, DateOnly? paidOn, CancellationToken cancellationToken) =>
        Check(await rules.GetAsync(cancellationToken), period, total, paidOn);

    private static Dictionary<string, string[]> Check(RuleTable table, Period? period, long? total, DateOnly? paidOn)
    {
        var errors = new FieldErrors();
        if (period is { } p && PeriodRules.CheckPeriod(table, p) is { } periodError)
        {
            errors.Add(ContributionFields.Period, periodError);
        }

        if (total is < 1 or > MaximumTotal)
        {
            errors.Add(ContributionFields.ContributionTotal, Wording.Of("Total iuran harus antara Rp 1 dan Rp 1.000.000.000.000.000."));
        }

        if (paidOn is { } paid && period is { } q && paid < q.FirstDay)
        {
            errors.Add(ContributionFields.PaidOn, Wording.Of("Tanggal bayar tidak boleh sebelum periode iuran dimulai."));
        }

        return errors.ToDictionary();
    }
}
