using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.ResetPassword;

/// <summary>The page of the reset link: the new password, sent to <see cref="PasswordReset"/>.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.LoginPolicy)]
public sealed class IndexModel(PasswordReset reset) : PageModel
{
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
        if (await reset.ResetAsync(new NewPassword(U, T, PasswordBaru, UlangiPasswordBaru), cancellationToken) is { } refusal)
        {
            refusal.AddTo(ModelState);
            return Page();
        }

        return RedirectToPage("/Accounts/Login/Index", new { Status = "reset" });
    }
}
