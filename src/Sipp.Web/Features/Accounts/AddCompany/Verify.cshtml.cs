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

namespace Sipp.Web.Features.Accounts.AddCompany;

/// <summary>The OTP step of "Tambah Perusahaan"; success adds the membership and switches to it.</summary>
[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(RateLimiting.OtpPolicy)]
public sealed class VerifyModel(UserManager<AppUser> users, CompanyJoining joining) : PageModel
{
    public OtpFormModel Form { get; private set; } = new(string.Empty, null, null);

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is ({ } user, _) ? Show(user, null, null) : RedirectToPage("Index");

    public async Task<IActionResult> OnPostVerifyAsync(string? kodeOtp, CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not ({ } user, { TargetId: not null } challenge))
        {
            return RedirectToPage("Index");
        }

        if (await joining.ConfirmAsync(user, challenge, kodeOtp, cancellationToken) is { } refusal)
        {
            return Show(user, refusal.Message, null);
        }

        await OtpChallenge.ClearAsync(HttpContext);
        return Redirect("/");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not ({ } user, { } challenge))
        {
            return RedirectToPage("Index");
        }

        return await joining.ResendCodeAsync(user, challenge, cancellationToken) is { } refusal
            ? Show(user, null, refusal.Message)
            : Show(user, null, Wording.Of("Kode baru telah dikirim. Kode sebelumnya tidak berlaku lagi."));
    }

    private async Task<(AppUser? User, OtpChallenge? Challenge)> LoadAsync()
    {
        var challenge = await OtpChallenge.ReadAsync(HttpContext, OtpPurpose.AddCompany);
        var user = await users.GetUserAsync(User);
        // The challenge must belong to the signed-in user.
        return challenge is not null && user is not null && challenge.SubjectId == user.Id ? (user, challenge) : (null, null);
    }

    private PageResult Show(AppUser user, string? error, string? info)
    {
        Form = new OtpFormModel(PhoneNumber.TryParse(user.PhoneNumber, out var phone, out _) ? phone.Masked : Wording.Of("nomor handphone Anda"), error, info);
        return Page();
    }
}
