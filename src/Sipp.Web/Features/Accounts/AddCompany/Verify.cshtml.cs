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

namespace Sipp.Web.Features.Accounts.AddCompany;

/// <summary>The OTP step of "Tambah Perusahaan"; success adds the membership and switches to it.</summary>
[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(RateLimiting.OtpPolicy)]
public sealed class VerifyModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, SippDbContext db, OtpService otp, Outbox outbox, AuditLog audit, TimeProvider clock,
    IOptions<SecurityOptions> security) : PageModel
{
    public OtpFormModel Form { get; private set; } = new(string.Empty, null, null);

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is ({ } user, _) ? Show(user, null, null) : RedirectToPage("Index");

    public async Task<IActionResult> OnPostVerifyAsync(string? kodeOtp, CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not ({ } user, { TargetId: { } divisionId } challenge))
        {
            return RedirectToPage("Index");
        }

        var check = await otp.VerifyAsync(challenge.Id, kodeOtp, cancellationToken);
        if (!check.Succeeded)
        {
            audit.Record("otp.gagal", "Pengguna", user.Id.ToString(), divisionId, after: new { tujuan = "tambah perusahaan" });
            await db.SaveChangesAsync(cancellationToken);
            return Show(user, check.Error, null);
        }

        var divisionHasUsers = await db.Memberships.AcrossDivisions().AnyAsync(m => m.DivisionId == divisionId && m.IsActive, cancellationToken);
        var membership = new Membership
        {
            UserId = user.Id, DivisionId = divisionId, Role = divisionHasUsers ? MembershipRole.Pemantau : MembershipRole.Admin,
            IsActive = true, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Memberships.Add(membership);
        audit.Record("keanggotaan.tambah", "Keanggotaan", membership.Id.ToString(), divisionId, after: new { peran = membership.Role.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await OtpChallenge.ClearAsync(HttpContext);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(CurrentCompany.DivisionClaim, divisionId.ToString())]);
        return Redirect("/");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not ({ } user, { } challenge))
        {
            return RedirectToPage("Index");
        }

        var sent = await otp.SendAsync(OtpPurpose.AddCompany, challenge.Id, user.Id, user.PhoneNumber!, cancellationToken);
        if (sent.Refusal is { } refusal)
        {
            return Show(user, null, refusal);
        }

        OtpMessages.SendVerificationCode(outbox, user.PhoneNumber!, sent.Code!, security.Value.Otp.Lifetime, "tambah perusahaan");
        await db.SaveChangesAsync(cancellationToken);
        return Show(user, null, "Kode baru telah dikirim. Kode sebelumnya tidak berlaku lagi.");
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
        Form = new OtpFormModel(PhoneNumber.TryParse(user.PhoneNumber, out var phone, out _) ? phone.Masked : "nomor handphone Anda", error, info);
        return Page();
    }
}
