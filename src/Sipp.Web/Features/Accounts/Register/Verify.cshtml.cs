using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>"Verifikasi Nomor Handphone": the SMS OTP of the registration, then the activation email.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.OtpPolicy)]
public sealed class VerifyModel(RegistrationWizard wizard, RegistrationSteps steps) : PageModel
{
    public OtpFormModel Form { get; private set; } = new(string.Empty, null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } registration ? Show(registration, null, null) : RedirectToPage("Index", new { Status = "kedaluwarsa" });

    public async Task<IActionResult> OnPostVerifyAsync(string? kodeOtp, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } registration)
        {
            return RedirectToPage("Index", new { Status = "kedaluwarsa" });
        }

        var refusal = await steps.VerifyAsync(
            registration, kodeOtp,
            (userId, token) => Url.Page("/Accounts/Activate/Index", null, new { u = userId, t = token }, Request.Scheme, Request.Host.Value)!,
            cancellationToken);
        if (refusal is not null)
        {
            return Show(registration, refusal.Message, null);
        }

        await OtpChallenge.ClearAsync(HttpContext);
        return RedirectToPage("Done");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } registration)
        {
            return RedirectToPage("Index", new { Status = "kedaluwarsa" });
        }

        return await steps.ResendCodeAsync(registration, cancellationToken) is { } refusal
            ? Show(registration, null, refusal.Message)
            : Show(registration, null, Wording.Of("Kode baru telah dikirim. Kode sebelumnya tidak berlaku lagi."));
    }

    private async Task<PendingRegistration?> LoadAsync(CancellationToken cancellationToken) =>
        await wizard.LoadAsync(HttpContext, cancellationToken) is { Registration: { Phone: not null, ParticipantId: not null } registration } ? registration : null;

    private PageResult Show(PendingRegistration registration, string? error, string? info)
    {
        Form = new OtpFormModel(PhoneNumber.Parse(registration.Phone).Masked, error, info);
        return Page();
    }
}
