using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Domain;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Contributions.ContributionFields;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Calculator.SimulateContribution;

/// <summary>"Kalkulator Iuran": the public calculator page, on the same handler as the API.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(SimulateContributionHandler handler, TimeProvider clock) : PageModel
{
    /// <summary>Contract field → form field, so that the handler's messages land next to the right input.</summary>
    private static readonly Dictionary<string, string> FormFields = new()
    {
        [F.Period] = nameof(Periode),
        [F.Wage] = nameof(Upah),
        [F.BirthDate] = nameof(TanggalLahir),
        [F.Citizenship] = nameof(Kewarganegaraan),
        [F.RiskClass] = nameof(KelasRisiko),
    };

    [BindProperty]
    public string? Periode { get; set; }

    [BindProperty]
    public string? Upah { get; set; }

    [BindProperty]
    public string? TanggalLahir { get; set; }

    [BindProperty]
    public string? Kewarganegaraan { get; set; } = "WNI";

    [BindProperty]
    public string? KelasRisiko { get; set; } = "1";

    [BindProperty]
    public bool IkutJp { get; set; } = true;

    [BindProperty]
    public bool PadatKarya { get; set; }

    public ContributionSimulation? Simulation { get; private set; }

    public void OnGet() => Periode = Period.Containing(clock.JakartaToday()).ToString();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var period = CalculatorInput.Period(Periode, F.Period, errors);
        var upah = CalculatorInput.Rupiah(Upah, F.Wage, Wording.Of("Upah"), errors);
        var birthDate = CalculatorInput.Date(TanggalLahir, F.BirthDate, Wording.Of("Tanggal Lahir"), errors);
        var citizenship = CalculatorInput.Citizenship(Kewarganegaraan, F.Citizenship, errors);
        var riskClass = CalculatorInput.RiskClass(KelasRisiko, F.RiskClass, errors);
        if (errors.Any || period is null || upah is null || birthDate is null || citizenship is null || riskClass is null)
        {
            errors.AddRange(await handler.CheckPartsAsync(period, upah, birthDate, riskClass, cancellationToken));
            return ShowErrors(errors.ToDictionary());
        }

        try
        {
            Simulation = await handler.HandleAsync(
                new SimulateContributionRequest(
                    period.Value, new WorkerFacts(upah.Value, birthDate.Value, citizenship.Value), new CompanyFacts(riskClass.Value, IkutJp, PadatKarya)),
                cancellationToken);
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
