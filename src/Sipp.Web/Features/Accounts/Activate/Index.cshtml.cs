using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Activate;

/// <summary>The activation link's page: <see cref="AccountActivation"/>, then "Masuk" — or why the link cannot be used.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class IndexModel(AccountActivation activation) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid u, string? t, CancellationToken cancellationToken)
    {
        if (await activation.ActivateAsync(u, t, cancellationToken) is { } refusal)
        {
            Problem = refusal.Message;
            return Page();
        }

        return RedirectToPage("/Accounts/Login/Index", new { Status = "aktif" });
    }
}
