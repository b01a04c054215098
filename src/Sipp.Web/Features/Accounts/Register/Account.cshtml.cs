using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>"Daftar", step 2 — Data User Login: email and password (kept only as Identity's hash).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class AccountModel(RegistrationWizard wizard, UserManager<AppUser> users, SippDbContext db) : PageModel
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
        if (!EmailAddress.TryParse(Email, out var email, out var emailError))
        {
            ModelState.AddModelError(nameof(Email), emailError);
        }
        else if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Password wajib diisi.");
        }
        else
        {
            var candidate = new AppUser { FullName = "-", Email = email.Value, UserName = email.Value };
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, candidate, Password)).Errors)
                {
                    ModelState.AddModelError(nameof(Password), error.Description);
                }
            }

            if (Password != UlangiPassword)
            {
                ModelState.AddModelError(nameof(UlangiPassword), "Ulangi Password harus sama dengan Password.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Whether the email is already registered is not checked here: the answer would reveal it.
        current.Registration.Email = email.Value;
        current.Registration.PasswordHash = users.PasswordHasher.HashPassword(new AppUser { FullName = "-", Email = email.Value }, Password!);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Kpj");
    }
}
