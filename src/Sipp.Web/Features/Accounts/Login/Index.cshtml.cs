using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.Login;

/// <summary>"Masuk": email and password sent to <see cref="LoginAttempt"/>; its OTP challenge is kept in the browser for the next step.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.LoginPolicy)]
public sealed class IndexModel(LoginAttempt login) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public string? Notice => Status switch
    {
        "aktif" => Wording.Of("Akun Anda sudah aktif. Silakan masuk."),
        "reset" => Wording.Of("Password sudah diganti. Silakan masuk dengan password baru."),
        "habis" => Wording.Of("Sesi Anda telah berakhir karena tidak ada aktivitas. Silakan masuk kembali."),
        "keluar" => Wording.Of("Anda telah keluar."),
        _ => null,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await login.CheckPasswordAsync(Email, Password, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            refusal.AddTo(ModelState);
            Password = null;
            return Page();
        }

        await result.Value!.SaveAsync(HttpContext);
        return RedirectToPage("Verify", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }
}
