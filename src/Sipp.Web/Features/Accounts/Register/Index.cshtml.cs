using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Data.Accounts;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>"Daftar", step 1 — Data Perusahaan: NPP and division; the company name and branch office are shown read-only.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class IndexModel(RegistrationWizard wizard, RegistrationSteps steps) : PageModel
{
    [BindProperty]
    public string? Npp { get; set; }

    [BindProperty]
    public string? Divisi { get; set; }

    public RegistrationCompany? Company { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await wizard.LoadAsync(HttpContext, cancellationToken) is { } current)
        {
            Company = current.Company;
            Npp = Company.Npp;
            Divisi = Company.DivisionCode;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await steps.StartAsync(Npp, Divisi, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            refusal.AddTo(ModelState);
            return Page();
        }

        await OtpChallenge.New(OtpPurpose.Registration, result.Value!.Id).SaveAsync(HttpContext);
        return RedirectToPage("Account");
    }
}
