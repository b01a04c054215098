using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.Login;

/// <summary>How a login ended: signed in, with a division opened unless the user must choose one.</summary>
/// <param name="ChoosesDivision">Several divisions and none opened: the login goes on to Pilih Perusahaan.</param>
public sealed record LoginGranted(bool ChoosesDivision);

/// <summary>
/// "Masuk": email and password, then an OTP by SMS and email. Never tells whether an email is registered: an unknown
/// email takes as long and is throttled and locked like a known one. Refusals are keyed by the form's names
/// (<c>Email</c>, <c>Password</c>) or the whole request.
/// </summary>
public sealed class LoginAttempt(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    SippDbContext db,
    DivisionAccess access,
    OtpService otp,
    Outbox outbox,
    AuditLog audit,
    LoginThrottle throttle,
    IPasswordHasher<AppUser> hasher,
    IOptions<SecurityOptions> security)
{
    public static string WrongCredentials => Wording.Of("Email atau password salah.");

    // Verifying against a real hash for unknown emails keeps the answer time the same as for a wrong password.
    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser { FullName = "-" }, Guid.NewGuid().ToString());

    private string LockedMessage =>
        Wording.Of($"Terlalu banyak percobaan masuk yang gagal. Akun dikunci sementara selama {(int)security.Value.Lockout.Duration.TotalMinutes} menit.");

    /// <summary>The password step: the OTP challenge to keep in the browser, its code sent; or the refusal.</summary>
    public async Task<Result<OtpChallenge>> CheckPasswordAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return string.IsNullOrWhiteSpace(email) ? Refusal.Field("Email", Wording.Of("Email wajib diisi.")) : Refusal.Field("Password", Wording.Of("Password wajib diisi."));
        }

        var normalized = users.NormalizeEmail(email.Trim()) ?? string.Empty;
        if (!await throttle.TryAttemptAsync(normalized, cancellationToken))
        {
            return Refusal.Of(Wording.Of("Terlalu banyak percobaan masuk untuk akun ini. Coba lagi dalam beberapa menit."), RefusalKind.Forbidden);
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(new AppUser { FullName = "-" }, DummyHash, password);
            if (await throttle.IsUnknownLockedOutAsync(db, normalized, cancellationToken))
            {
                return Refusal.Of(LockedMessage, RefusalKind.Forbidden);
            }

            var lockedNow = await throttle.RecordUnknownFailureAsync(db, normalized, cancellationToken);
            audit.Record("login.gagal", actorName: normalized, after: new { alasan = "email tidak terdaftar" });
            await db.SaveChangesAsync(cancellationToken);
            return lockedNow ? Refusal.Of(LockedMessage, RefusalKind.Forbidden) : Refusal.Of(WrongCredentials, RefusalKind.Unauthenticated);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account without hashing the password: hash it anyway, so that a locked account
            // takes as long to answer as an unknown email or a wrong password, and its timing reveals nothing.
            hasher.VerifyHashedPassword(user, DummyHash, password);
            return await LockedAsync(user, cancellationToken);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return await LockedAsync(user, cancellationToken); // this wrong password was the one that locked it
        }

        if (!result.Succeeded)
        {
            audit.Record("login.gagal", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email, after: new { alasan = "password salah" });
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.Of(WrongCredentials, RefusalKind.Unauthenticated);
        }

        // The password is right, so saying why the account cannot be used reveals nothing to a stranger.
        if (!user.IsActive)
        {
            return Refusal.Of(Wording.Of("Akun Anda sudah dinonaktifkan. Hubungi Admin perusahaan Anda."), RefusalKind.Forbidden);
        }

        if (!user.EmailConfirmed)
        {
            return Refusal.Of(Wording.Of("Akun belum diaktifkan. Buka tautan aktivasi yang dikirim ke email Anda."), RefusalKind.Forbidden);
        }

        var challenge = OtpChallenge.New(OtpPurpose.Login, user.Id);
        return await SendCodeAsync(user, challenge, resent: false, cancellationToken) ?? (Result<OtpChallenge>)challenge;
    }

    /// <summary>The OTP step: signs the user in — into their division when they have exactly one.</summary>
    public async Task<Result<LoginGranted>> VerifyCodeAsync(OtpChallenge challenge, string? code, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(challenge.SubjectId.ToString()) is not { } user)
        {
            return Refusal.Of(Wording.Of("Silakan masuk kembali."), RefusalKind.Unauthenticated);
        }

        var check = await otp.VerifyAsync(challenge.Id, code, cancellationToken);
        if (!check.Succeeded)
        {
            audit.Record("otp.gagal", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email, after: new { tujuan = "masuk" });
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.Field(OtpFormModel.CodeField, check.Error!);
        }

        // Where the person may act: their own divisions and their bureau's clients (ADR 0023).
        var divisions = (await access.ListAsync(user.Id, r => true, cancellationToken)).Select(r => r.DivisionId).ToList();
        audit.Record("login.berhasil", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email);
        user.Language = Wording.CurrentLanguage; // the language the person signs in with is the one to write to them in
        await db.SaveChangesAsync(cancellationToken);
        // One division, or the one chosen last time while still a member of it: opened at once (issue 16: every login
        // stopped at Pilih Perusahaan). "Ganti Perusahaan" in the header is one click away.
        Guid? opened = divisions.Count == 1 ? divisions[0] : divisions.Contains(user.LastDivisionId ?? Guid.Empty) ? user.LastDivisionId : null;
        if (opened is { } divisionId)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(CurrentCompany.DivisionClaim, divisionId.ToString())]);
        }
        else
        {
            await signIn.SignInAsync(user, isPersistent: false);
        }

        return new LoginGranted(opened is null && divisions.Count > 1);
    }

    /// <summary>"Kirim ulang": a new code for the same challenge (the previous one no longer valid), within the limits.</summary>
    public async Task<Refusal?> ResendCodeAsync(OtpChallenge challenge, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(challenge.SubjectId.ToString()) is { } user
            ? await SendCodeAsync(user, challenge, resent: true, cancellationToken)
            : Refusal.Of(Wording.Of("Silakan masuk kembali."), RefusalKind.Unauthenticated);

    private async Task<Refusal?> SendCodeAsync(AppUser user, OtpChallenge challenge, bool resent, CancellationToken cancellationToken)
    {
        var sent = await otp.SendAsync(OtpPurpose.Login, challenge.Id, user.Id, user.PhoneNumber ?? user.Email!, cancellationToken);
        if (sent.Refusal is { } refusal)
        {
            return Refusal.Of(refusal, RefusalKind.Conflict);
        }

        OtpMessages.SendLoginCode(outbox, user.PhoneNumber, user.Email!, sent.Code!, security.Value.Otp.Lifetime);
        audit.Record("otp.terkirim", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email,
            after: resent ? new { tujuan = "masuk", ulang = true } : (object)new { tujuan = "masuk" });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<Refusal> LockedAsync(AppUser user, CancellationToken cancellationToken)
    {
        audit.Record("akun.terkunci", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return Refusal.Of(LockedMessage, RefusalKind.Forbidden);
    }
}
