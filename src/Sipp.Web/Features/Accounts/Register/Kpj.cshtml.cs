using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>"Daftar", step 3 — Data User KPJ: the claim sent to <see cref="RegistrationSteps.ClaimKpjAsync"/>.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class KpjModel(RegistrationWizard wizard, RegistrationSteps steps) : PageModel
{
    [BindProperty]
    public string? Kpj { get; set; }

    [BindProperty]
    public string? NamaLengkap { get; set; }

    [BindProperty]
    public string? TanggalLahir { get; set; }

    [BindProperty]
    public string? NomorHandphone { get; set; }

    public RegistrationCompany Company { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await wizard.LoadAsync(HttpContext, cancellationToken) is not { Registration.Email: not null } current)
        {
            return RedirectToPage("Index", new { Status = "kedaluwarsa" });
        }

        Company = current.Company;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await wizard.LoadAsync(HttpContext, cancellationToken) is not { Registration.Email: not null } current)
        {
            return RedirectToPage("Index", new { Status = "kedaluwarsa" });
        }

        Company = current.Company;
        if (await steps.ClaimKpjAsync(current.Registration, new KpjClaim(Kpj, NamaLengkap, TanggalLahir, NomorHandphone), cancellationToken) is { } refusal)
        {
            refusal.AddTo(ModelState);
            return Page();
        }

        return RedirectToPage("Verify");
    }
}
