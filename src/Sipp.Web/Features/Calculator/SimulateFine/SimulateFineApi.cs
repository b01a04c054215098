using Sipp.Domain;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Contributions.ContributionFields;

namespace Sipp.Web.Features.Calculator.SimulateFine;

/// <summary>POST /api/v1/iuran/denda/simulasi — iuran.md §6.</summary>
public static class SimulateFineApi
{
    public static async Task<Results<Ok<FineResponse>, ProblemHttpResult>> PostAsync(
        HttpRequest request, SimulateFineHandler handler, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var json = await JsonRequestReader.ReadAsync(request, errors, cancellationToken);
        if (json is null)
        {
            return new Refusal(RefusalKind.Invalid, errors.ToDictionary()).ToProblem();
        }

        var period = json.String(F.Period, Wording.Of("Periode"), required: true) is { } periodText ? CalculatorInput.Period(periodText, F.Period, errors) : null;
        var total = json.Integer(F.ContributionTotal, Wording.Of("Total Iuran"), required: true);
        var paidOn = json.Date(F.PaidOn, Wording.Of("Tanggal Bayar"), required: true);
        if (errors.Any || period is null || total is null || paidOn is null)
        {
            errors.AddRange(await handler.CheckPartsAsync(period, total, paidOn, cancellationToken));
            return new Refusal(RefusalKind.Invalid, errors.ToDictionary()).ToProblem();
        }

        var fine = await handler.HandleAsync(new SimulateFineRequest(period.Value, total.Value, paidOn.Value), cancellationToken);
        return TypedResults.Ok(new FineResponse(
            fine.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fine.MonthsLate, fine.Fine, fine.DueDateCaveat));
    }
}

/// <param name="Peringatan">Only when the due date may still move: its year's national holidays are not all listed yet.</param>
public sealed record FineResponse(
    string JatuhTempo, int BulanTerlambat, long Denda,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Peringatan = null);
