using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Login;

/// <summary>The OTP step of "Masuk"; then straight to the one company, or to "Pilih Perusahaan".</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.OtpPolicy)]
public sealed class VerifyModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    SippDbContext db,
    OtpService otp,
    Outbox outbox,
    AuditLog audit,
    IOptions<SecurityOptions> security) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public OtpFormModel Form { get; private set; } = new(string.Empty, null, null);

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is { } user ? ShowForm(user, null, null) : RedirectToPage("Index");

    public async Task<IActionResult> OnPostVerifyAsync(string? kodeOtp, CancellationToken cancellationToken)
    {
        var challenge = await OtpChallenge.ReadAsync(HttpContext, OtpPurpose.Login);
        var user = challenge is null ? null : await users.FindByIdAsync(challenge.SubjectId.ToString());
        if (challenge is null || user is null)
        {
            return RedirectToPage("Index");
        }

        var check = await otp.VerifyAsync(challenge.Id, kodeOtp, cancellationToken);
        if (!check.Succeeded)
        {
            audit.Record("otp.gagal", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email, after: new { tujuan = "masuk" });
            await db.SaveChangesAsync(cancellationToken);
            return ShowForm(user, check.Error, null);
        }

        await OtpChallenge.ClearAsync(HttpContext);
        var divisions = await db.Memberships.AcrossDivisions().Where(m => m.UserId == user.Id && m.IsActive).Select(m => m.DivisionId).ToListAsync(cancellationToken);
        audit.Record("login.berhasil", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email);
        await db.SaveChangesAsync(cancellationToken);

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (divisions.Count == 1)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(CurrentCompany.DivisionClaim, divisions[0].ToString())]);
            return LocalRedirect(returnUrl);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return divisions.Count > 1 ? RedirectToPage("/Accounts/ChooseCompany/Index", new { ReturnUrl = returnUrl }) : LocalRedirect(returnUrl);
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var challenge = await OtpChallenge.ReadAsync(HttpContext, OtpPurpose.Login);
        var user = challenge is null ? null : await users.FindByIdAsync(challenge.SubjectId.ToString());
        if (challenge is null || user is null)
        {
            return RedirectToPage("Index");
        }

        var sent = await otp.SendAsync(OtpPurpose.Login, challenge.Id, user.Id, user.PhoneNumber ?? user.Email!, cancellationToken);
        if (sent.Refusal is { } refusal)
        {
            return ShowForm(user, null, refusal);
        }

        OtpMessages.SendLoginCode(outbox, user.PhoneNumber, user.Email!, sent.Code!, security.Value.Otp.Lifetime);
        audit.Record("otp.terkirim", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email, after: new { tujuan = "masuk", ulang = true });
        await db.SaveChangesAsync(cancellationToken);
        return ShowForm(user, null, "Kode baru telah dikirim. Kode sebelumnya tidak berlaku lagi.");
    }

    private async Task<AppUser?> LoadAsync() =>
        await OtpChallenge.ReadAsync(HttpContext, OtpPurpose.Login) is { } challenge ? await users.FindByIdAsync(challenge.SubjectId.ToString()) : null;

    private PageResult ShowForm(AppUser user, string? error, string? info)
    {
        var phone = PhoneNumber.TryParse(user.PhoneNumber, out var parsed, out _) ? parsed.Masked + " dan " : string.Empty;
        Form = new OtpFormModel(phone + Masking.Email(user.Email!), error, info);
        return Page();
    }
}
