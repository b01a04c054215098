using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.ResetPassword;

/// <summary>The page of the reset link: a new password, checked against the policy before the link is used up.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.LoginPolicy)]
public sealed class IndexModel(UserManager<AppUser> users, SippDbContext db, AuditLog audit) : PageModel
{
    public const string InvalidLink = "Tautan tidak valid, sudah digunakan, atau sudah kedaluwarsa. Minta tautan baru melalui Lupa Password.";

    [BindProperty(SupportsGet = true)]
    public Guid U { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? T { get; set; }

    [BindProperty]
    public string? PasswordBaru { get; set; }

    [BindProperty]
    public string? UlangiPasswordBaru { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(U.ToString());
        if (user is null || string.IsNullOrEmpty(T))
        {
            ModelState.AddModelError(string.Empty, InvalidLink);
            return Page();
        }

        if (string.IsNullOrEmpty(PasswordBaru) || PasswordBaru != UlangiPasswordBaru)
        {
            ModelState.AddModelError(nameof(UlangiPasswordBaru), "Ulangi Password Baru harus sama dengan Password Baru.");
            return Page();
        }

        // Check the policy first, so that a weak password does not use up the single-use link.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, PasswordBaru);
            foreach (var error in check.Errors)
            {
                ModelState.AddModelError(nameof(PasswordBaru), error.Description);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, T, PasswordBaru);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, InvalidLink);
            return Page();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await Infrastructure.Security.ServerSessions.EndAllAsync(db, user.Id, cancellationToken); // a new password ends every session at once
        audit.Record("password.reset", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Accounts/Login/Index", new { Status = "reset" });
    }
}
