using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.Login;

/// <summary>The OTP step of "Masuk"; then straight to the one company, or to "Pilih Perusahaan".</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.OtpPolicy)]
public sealed class VerifyModel(UserManager<AppUser> users, LoginAttempt login) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public OtpFormModel Form { get; private set; } = new(string.Empty, null, null);

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is ({ } user, _) ? ShowForm(user, null, null) : RedirectToPage("Index");

    public async Task<IActionResult> OnPostVerifyAsync(string? kodeOtp, CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not ({ } user, { } challenge))
        {
            return RedirectToPage("Index");
        }

        var result = await login.VerifyCodeAsync(challenge, kodeOtp, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return ShowForm(user, refusal.Message, null);
        }

        await OtpChallenge.ClearAsync(HttpContext);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return result.Value!.ChoosesDivision ? RedirectToPage("/Accounts/ChooseCompany/Index", new { ReturnUrl = returnUrl }) : LocalRedirect(returnUrl);
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not ({ } user, { } challenge))
        {
            return RedirectToPage("Index");
        }

        return await login.ResendCodeAsync(challenge, cancellationToken) is { } refusal
            ? ShowForm(user, null, refusal.Message)
            : ShowForm(user, null, Wording.Of("Kode baru telah dikirim. Kode sebelumnya tidak berlaku lagi."));
    }

    private async Task<(AppUser? User, OtpChallenge? Challenge)> LoadAsync() =>
        await OtpChallenge.ReadAsync(HttpContext, OtpPurpose.Login) is { } challenge && await users.FindByIdAsync(challenge.SubjectId.ToString()) is { } user
            ? (user, challenge)
            : (null, null);

    private PageResult ShowForm(AppUser user, string? error, string? info)
    {
        var phone = PhoneNumber.TryParse(user.PhoneNumber, out var parsed, out _) ? parsed.Masked + " dan " : string.Empty;
        Form = new OtpFormModel(phone + Masking.Email(user.Email!), error, info);
        return Page();
    }
}
