using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Features.Accounts.Register;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.AddCompany;

/// <summary>
/// "Tambah Perusahaan": another NPP + division for the same account. The user's own KPJ must be an active worker there;
/// an OTP to the user's phone confirms, and the membership is added (Admin when the division has no user yet) and
/// chosen. Refusals are keyed by the form's names (<c>Npp</c>, <c>Divisi</c>) or the whole request.
/// </summary>
public sealed class CompanyJoining(
    SignInManager<AppUser> signIn, RegistrationWizard wizard, SippDbContext db, OtpService otp, Outbox outbox, AuditLog audit,
    TimeProvider clock, IOptions<SecurityOptions> security)
{
    public static string NotEmployed => Wording.Of("Anda tidak terdaftar sebagai tenaga kerja aktif pada NPP dan divisi tersebut, atau datanya tidak ditemukan.");

    /// <summary>The OTP challenge to keep in the browser, its code sent to the user's phone; or the refusal.</summary>
    public async Task<Result<OtpChallenge>> RequestAsync(AppUser user, string? typedNpp, string? typedDivision, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (RegistrationWizard.ParseCompany(typedNpp, typedDivision, errors) is not var (npp, division))
        {
            return errors.Refusal!;
        }

        var company = await wizard.FindCompanyAsync(npp, division, cancellationToken);
        var employed = company is not null && user.ParticipantId is { } participantId && await db.Employments.AcrossDivisions().AnyAsync(
            e => e.DivisionId == company.DivisionId && e.ParticipantId == participantId && e.Status == EmploymentStatus.Aktif, cancellationToken);
        if (!employed)
        {
            return Refusal.Of(NotEmployed, RefusalKind.Unprocessable);
        }

        if (await db.Memberships.AcrossDivisions().AnyAsync(m => m.UserId == user.Id && m.DivisionId == company!.DivisionId, cancellationToken))
        {
            return Refusal.Of(Wording.Of("Perusahaan dan divisi ini sudah ada di akun Anda. Bila dinonaktifkan, hubungi Admin perusahaan."), RefusalKind.Conflict);
        }

        if (user.PhoneNumber is null)
        {
            return Refusal.Of(Wording.Of("Akun Anda belum memiliki nomor handphone untuk kode OTP."), RefusalKind.Unprocessable);
        }

        var challenge = OtpChallenge.New(OtpPurpose.AddCompany, user.Id, company!.DivisionId);
        return await SendCodeAsync(user, challenge, cancellationToken) ?? (Result<OtpChallenge>)challenge;
    }

    /// <summary>The OTP step: adds the membership and makes it the session's division.</summary>
    public async Task<Refusal?> ConfirmAsync(AppUser user, OtpChallenge challenge, string? code, CancellationToken cancellationToken)
    {
        if (challenge is not { TargetId: { } divisionId } || challenge.SubjectId != user.Id)
        {
            return Refusal.Of(Wording.Of("Mulai lagi dari Tambah Perusahaan."), RefusalKind.Conflict);
        }

        var check = await otp.VerifyAsync(challenge.Id, code, cancellationToken);
        if (!check.Succeeded)
        {
            audit.Record("otp.gagal", "Pengguna", user.Id.ToString(), divisionId, after: new { tujuan = "tambah perusahaan" });
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.Field(OtpFormModel.CodeField, check.Error!);
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
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(CurrentCompany.DivisionClaim, divisionId.ToString())]);
        return null;
    }

    /// <summary>"Kirim ulang": a new code for the same challenge, within the limits.</summary>
    public Task<Refusal?> ResendCodeAsync(AppUser user, OtpChallenge challenge, CancellationToken cancellationToken) =>
        SendCodeAsync(user, challenge, cancellationToken);

    private async Task<Refusal?> SendCodeAsync(AppUser user, OtpChallenge challenge, CancellationToken cancellationToken)
    {
        var sent = await otp.SendAsync(OtpPurpose.AddCompany, challenge.Id, user.Id, user.PhoneNumber!, cancellationToken);
        if (sent.Refusal is { } refusal)
        {
            return Refusal.Of(refusal, RefusalKind.Conflict);
        }

        OtpMessages.SendVerificationCode(outbox, user.PhoneNumber!, sent.Code!, security.Value.Otp.Lifetime, Wording.Of("tambah perusahaan"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
