using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Domain;
using Sipp.Domain.Contributions;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Contributions.ContributionFields;

namespace Sipp.Web.Features.Calculator.SimulateFine;

/// <summary>"Simulasi Denda": due date and late fine for a payment date.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(SimulateFineHandler handler) : PageModel
{
    private static readonly Dictionary<string, string> FormFields = new()
    {
        [F.Period] = nameof(Periode),
        [F.ContributionTotal] = nameof(TotalIuran),
        [F.PaidOn] = nameof(TanggalBayar),
    };

    [BindProperty]
    public string? Periode { get; set; }

    [BindProperty]
    public string? TotalIuran { get; set; }

    [BindProperty]
    public string? TanggalBayar { get; set; }

    public FineResult? Fine { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var period = CalculatorInput.Period(Periode, F.Period, errors);
        var total = CalculatorInput.Rupiah(TotalIuran, F.ContributionTotal, Wording.Of("Total Iuran"), errors);
        var paidOn = CalculatorInput.Date(TanggalBayar, F.PaidOn, Wording.Of("Tanggal Bayar"), errors);
        if (errors.Any || period is null || total is null || paidOn is null)
        {
            errors.AddRange(await handler.CheckPartsAsync(period, total, paidOn, cancellationToken));
            return ShowErrors(errors.ToDictionary());
        }

        try
        {
            Fine = await handler.HandleAsync(new SimulateFineRequest(period.Value, total.Value, paidOn.Value), cancellationToken);
        }
        catch (DomainValidationException invalid)
        {
            return ShowErrors(invalid.Errors);
        }

        return Page();
    }

    private PageResult ShowErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        ModelState.AddFieldErrors(errors, FormFields);
        return Page();
    }
}
