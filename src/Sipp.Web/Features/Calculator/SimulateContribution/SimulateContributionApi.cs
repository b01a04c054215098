using Sipp.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Sipp.Domain.Contributions;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Contributions.ContributionFields;

namespace Sipp.Web.Features.Calculator.SimulateContribution;

/// <summary>POST /api/v1/iuran/simulasi — the calculator contract of iuran.md §6.</summary>
public static class SimulateContributionApi
{
    public static async Task<Results<Ok<SimulationResponse>, ProblemHttpResult>> PostAsync(
        HttpRequest request, SimulateContributionHandler handler, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var json = await JsonRequestReader.ReadAsync(request, errors, cancellationToken);
        if (json is null)
        {
            return new Refusal(RefusalKind.Invalid, errors.ToDictionary()).ToProblem();
        }

        var period = json.String(F.Period, Wording.Of("Periode"), required: true) is { } periodText ? CalculatorInput.Period(periodText, F.Period, errors) : null;
        var upah = json.Integer(F.Wage, Wording.Of("Upah"), required: true);
        var birthDate = json.Date(F.BirthDate, Wording.Of("Tanggal Lahir"), required: true);
        var citizenship = json.String(F.Citizenship, Wording.Of("Kewarganegaraan"), required: false) is { } citizenshipText
            ? CalculatorInput.Citizenship(citizenshipText, F.Citizenship, errors)
            : (errors.Has(F.Citizenship) ? null : Sipp.Domain.People.Citizenship.Wni);
        var riskClass = json.Integer(F.RiskClass, Wording.Of("Kelas risiko"), required: false) ?? (errors.Has(F.RiskClass) ? null : 1);
        var takesPartInJp = json.Boolean(F.TakesPartInJp, Wording.Of("Ikut JP"), required: false) ?? true;
        var labourIntensive = json.Boolean(F.LabourIntensive, Wording.Of("Padat karya"), required: false) ?? false;
        if (errors.Any || period is null || upah is null || birthDate is null || citizenship is null || riskClass is null)
        {
            errors.AddRange(await handler.CheckPartsAsync(period, upah, birthDate, riskClass, cancellationToken));
            return new Refusal(RefusalKind.Invalid, errors.ToDictionary()).ToProblem();
        }

        var simulation = await handler.HandleAsync(
            new SimulateContributionRequest(
                period.Value,
                new WorkerFacts(upah.Value, birthDate.Value, citizenship.Value),
                new CompanyFacts(SimulateContributionHandler.ClampToInt(riskClass.Value), takesPartInJp, labourIntensive)),
            cancellationToken);
        return TypedResults.Ok(SimulationResponse.From(simulation));
    }
}

/// <param name="Peringatan">Only when the period's JP wage cap is not yet set and the latest one was used.</param>
public sealed record SimulationResponse(
    string Periode, ProgramShares Program, long TotalPemberiKerja, long TotalTenagaKerja, long Total, JkpAllocation Jkp,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Peringatan = null)
{
    public static SimulationResponse From(ContributionSimulation simulation)
    {
        var r = simulation.Result;
        return new SimulationResponse(
            simulation.Period.ToString(),
            new ProgramShares(
                new Shares(r.JhtEmployer, r.JhtWorker),
                new Shares(r.JkkEmployer, 0),
                new Shares(r.JkmEmployer, 0),
                new Shares(r.JpEmployer, r.JpWorker)),
            r.TotalEmployer,
            r.TotalWorker,
            r.Total,
            new JkpAllocation(r.JkpBase, r.JkpGovernment, r.JkpFromJkk, r.JkpFromJkm),
            simulation.Rules.JpCapCaveat);
    }
}

public sealed record ProgramShares(Shares Jht, Shares Jkk, Shares Jkm, Shares Jp);

public sealed record Shares(long PemberiKerja, long TenagaKerja);

public sealed record JkpAllocation(long DasarUpah, long Pemerintah, long RekomposisiJkk, long RekomposisiJkm);
