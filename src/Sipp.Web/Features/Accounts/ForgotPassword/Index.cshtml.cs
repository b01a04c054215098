using Sipp.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.ForgotPassword;

/// <summary>"Lupa Password": the email sent to <see cref="ResetLinkRequest"/>; the answer is the same for any email.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.LoginPolicy)]
public sealed class IndexModel(ResetLinkRequest request) : PageModel
{
    public static string Sent => Wording.Of("Jika email tersebut terdaftar dan aktif, kami telah mengirim tautan untuk mengatur ulang password. Tautan berlaku 1 jam dan hanya dapat dipakai sekali.");

    [BindProperty]
    public string? Email { get; set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var refusal = await request.RequestAsync(
            Email, (userId, token) => Url.Page("/Accounts/ResetPassword/Index", null, new { u = userId, t = token }, Request.Scheme, Request.Host.Value)!, cancellationToken);
        if (refusal is not null)
        {
            refusal.AddTo(ModelState);
            return Page();
        }

        Done = true;
        return Page();
    }
}
