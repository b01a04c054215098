using Sipp.Domain;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Data;

namespace Sipp.Web.Features.Calculator.SimulateContribution;

public sealed record SimulateContributionRequest(Period Period, WorkerFacts Worker, CompanyFacts Company);

public sealed record ContributionSimulation(Period Period, ContributionResult Result, PeriodRules Rules, IReadOnlyList<string> Explanation);

/// <summary>Computes one worker's contributions for the public calculator, on the same engine and rules as billing.</summary>
public sealed class SimulateContributionHandler(RuleTableProvider rules)
{
    public async Task<ContributionSimulation> HandleAsync(SimulateContributionRequest request, CancellationToken cancellationToken)
    {
        var table = await rules.GetAsync(cancellationToken);
        var errors = ContributionInputs.Check(table, request.Period, request.Worker, request.Company);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        var periodRules = PeriodRules.For(table, request.Period, request.Company);
        var result = ContributionEngine.Compute(periodRules, request.Worker);
        return new ContributionSimulation(request.Period, result, periodRules, ContributionExplanation.Describe(periodRules, request.Worker, result));
    }

    /// <summary>The business checks on whatever parsed, for a request that also has malformed fields.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CheckPartsAsync(
        Period? period, long? upah, DateOnly? birthDate, long? riskClass, CancellationToken cancellationToken) =>
        ContributionInputs.Check(await rules.GetAsync(cancellationToken), period, upah, birthDate, riskClass is null ? null : ClampToInt(riskClass.Value));

    public static int ClampToInt(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
