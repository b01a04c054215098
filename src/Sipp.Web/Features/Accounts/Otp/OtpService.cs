using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Otp;

/// <summary>
/// One-time passwords: 6 random digits, hashed with Identity's password hasher, valid 5 minutes, invalid after 5 wrong
/// tries, single-use, resent at most once a minute and 3 times an hour (all configurable).
/// </summary>
public sealed class OtpService(SippDbContext db, TimeProvider clock, IPasswordHasher<AppUser> hasher, IOptions<SecurityOptions> options)
{
    // The hasher needs a user instance; OTP hashes are not tied to a user's record.
    private static readonly AppUser HashingUser = new() { FullName = "otp" };

    private OtpOptions Settings => options.Value.Otp;

    /// <summary>Creates a code for a challenge (replacing any earlier one) and returns it in clear for sending.</summary>
    /// <remarks>The caller saves; the code and its messages are written in one transaction.</remarks>
    public async Task<string> IssueAsync(OtpPurpose purpose, Guid challengeId, Guid subjectId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OneTimeCodes
            .Where(c => c.ChallengeId == challengeId && c.UsedAt == null && c.InvalidatedAt == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.InvalidatedAt, now), cancellationToken);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        db.OneTimeCodes.Add(new OneTimeCode
        {
            Id = Guid.NewGuid(), Purpose = purpose, ChallengeId = challengeId, SubjectId = subjectId,
            CodeHash = hasher.HashPassword(HashingUser, code), CreatedAt = now, ExpiresAt = now + Settings.Lifetime,
        });
        return code;
    }

    /// <summary>Why a resend is refused now, or null when it is allowed.</summary>
    public async Task<string?> ResendRefusalAsync(OtpPurpose purpose, Guid challengeId, Guid subjectId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var last = await db.OneTimeCodes.Where(c => c.ChallengeId == challengeId)
            .OrderByDescending(c => c.CreatedAt).Select(c => (DateTime?)c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (last is { } sent && now - sent < Settings.ResendInterval)
        {
            var wait = (int)Math.Ceiling((Settings.ResendInterval - (now - sent)).TotalSeconds);
            return $"Kode baru dapat diminta lagi dalam {wait} detik.";
        }

        // Every code after the first of a challenge is a resend; count them over the last hour for this person.
        var hourAgo = now.AddHours(-1);
        var codes = await db.OneTimeCodes.Where(c => c.SubjectId == subjectId && c.Purpose == purpose && c.CreatedAt > hourAgo)
            .GroupBy(c => c.ChallengeId).Select(g => g.Count()).ToListAsync(cancellationToken);
        var resends = codes.Sum(count => count - 1);
        return resends >= Settings.MaxResendsPerHour
            ? $"Kode sudah dikirim ulang {Settings.MaxResendsPerHour} kali dalam satu jam terakhir. Coba lagi nanti."
            : null;
    }

    /// <summary>Checks a typed code. Success consumes it; each wrong try counts, and the last allowed one invalidates it.</summary>
    public async Task<OtpCheck> VerifyAsync(Guid challengeId, string? typed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = await db.OneTimeCodes.AsNoTracking()
            .Where(c => c.ChallengeId == challengeId && c.UsedAt == null && c.InvalidatedAt == null)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return OtpCheck.Fail("Kode OTP tidak berlaku lagi. Pilih \"Kirim ulang kode\" untuk meminta kode baru.");
        }

        if (code.ExpiresAt <= now)
        {
            return OtpCheck.Fail("Kode OTP sudah kedaluwarsa. Pilih \"Kirim ulang kode\" untuk meminta kode baru.");
        }

        var text = (typed ?? string.Empty).Trim();
        var matches = text.Length == 6 && text.All(char.IsAsciiDigit)
            && hasher.VerifyHashedPassword(HashingUser, code.CodeHash, text) != PasswordVerificationResult.Failed;
        if (matches)
        {
            // Atomic: of two requests with the right code, one wins.
            var used = await db.OneTimeCodes
                .Where(c => c.Id == code.Id && c.UsedAt == null && c.InvalidatedAt == null && c.FailedAttempts < Settings.MaxAttempts)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.UsedAt, now), cancellationToken);
            return used == 1 ? OtpCheck.Success(code.SubjectId) : OtpCheck.Fail("Kode OTP tidak berlaku lagi.");
        }

        await db.OneTimeCodes.Where(c => c.Id == code.Id)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.FailedAttempts, x => x.FailedAttempts + 1), cancellationToken);
        var failed = await db.OneTimeCodes.Where(c => c.Id == code.Id).Select(c => c.FailedAttempts).SingleAsync(cancellationToken);
        if (failed >= Settings.MaxAttempts)
        {
            await db.OneTimeCodes.Where(c => c.Id == code.Id)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.InvalidatedAt, now), cancellationToken);
            return OtpCheck.Fail($"Kode OTP salah {Settings.MaxAttempts} kali dan tidak berlaku lagi. Pilih \"Kirim ulang kode\" untuk meminta kode baru.");
        }

        return OtpCheck.Fail($"Kode OTP salah. Sisa percobaan: {Settings.MaxAttempts - failed}.");
    }
}

public sealed record OtpCheck(bool Succeeded, Guid SubjectId, string? Error)
{
    public static OtpCheck Success(Guid subjectId) => new(true, subjectId, null);

    public static OtpCheck Fail(string error) => new(false, Guid.Empty, error);
}
