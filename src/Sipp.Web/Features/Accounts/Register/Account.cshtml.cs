using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>"Daftar", step 2 — Data User Login: email and password (kept only as Identity's hash).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class AccountModel(RegistrationWizard wizard, RegistrationSteps steps) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? UlangiPassword { get; set; }

    public RegistrationCompany Company { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await wizard.LoadAsync(HttpContext, cancellationToken) is not { } current)
        {
            return RedirectToPage("Index", new { Status = "kedaluwarsa" });
        }

        Company = current.Company;
        Email = current.Registration.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await wizard.LoadAsync(HttpContext, cancellationToken) is not { } current)
        {
            return RedirectToPage("Index", new { Status = "kedaluwarsa" });
        }

        Company = current.Company;
        if (await steps.SetLoginAsync(current.Registration, Email, Password, UlangiPassword, cancellationToken) is { } refusal)
        {
            refusal.AddTo(ModelState);
            return Page();
        }

        return RedirectToPage("Kpj");
    }
}
