using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.Otp;

/// <summary>
/// One-time passwords: 6 random digits, hashed with Identity's password hasher, valid 5 minutes, invalid after 5 wrong
/// tries, single-use. Every path that sends one goes through <see cref="SendAsync"/>, which holds the limits (all
/// configurable, counted in the database so they hold across nodes): once a minute and 3 resends an hour per person and
/// purpose; for registration, which sends to a number a stranger typed, also 10 codes an hour per phone number and 30
/// per client address.
/// </summary>
public sealed class OtpService(SippDbContext db, TimeProvider clock, IPasswordHasher<AppUser> hasher, IOptions<SecurityOptions> options, IHttpContextAccessor http)
{
    // The hasher needs a user instance; OTP hashes are not tied to a user's record.
    private static readonly AppUser HashingUser = new() { FullName = "otp" };

    private OtpOptions Settings => options.Value.Otp;

    /// <summary>
    /// Issues a code for a challenge (replacing any earlier one) to a destination (the phone number, or the email where
    /// there is none) and saves it; returns the code in clear for sending, or why no code may be sent now.
    /// </summary>
    public async Task<OtpSend> SendAsync(OtpPurpose purpose, Guid challengeId, Guid subjectId, string destination, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var destinationHash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(destination.Trim().ToLowerInvariant())));
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var last = await db.OneTimeCodes.Where(c => c.ChallengeId == challengeId).OrderByDescending(c => c.Sequence)
            .Select(c => new { c.CreatedAt, c.Sequence }).FirstOrDefaultAsync(cancellationToken);
        if (last is not null && now - last.CreatedAt < Settings.ResendInterval)
        {
            return OtpSend.Refused(WaitSeconds(last.CreatedAt + Settings.ResendInterval - now));
        }

        if (await HourlyRefusalAsync(purpose, subjectId, isResend: last is not null, destinationHash, ip, now, cancellationToken) is { } refusal)
        {
            return OtpSend.Refused(refusal);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var row = new OneTimeCode
        {
            Id = Guid.NewGuid(), Purpose = purpose, ChallengeId = challengeId, SubjectId = subjectId, Sequence = (last?.Sequence ?? 0) + 1,
            CodeHash = hasher.HashPassword(HashingUser, code), CreatedAt = now, ExpiresAt = now + Settings.Lifetime,
            DestinationHash = destinationHash, RequestIp = ip,
        };
        db.OneTimeCodes.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request of this challenge took the same place in its sequence at the same moment: it sends.
            db.Entry(row).State = EntityState.Detached;
            return OtpSend.Refused(WaitSeconds(Settings.ResendInterval));
        }

        await db.OneTimeCodes
            .Where(c => c.ChallengeId == challengeId && c.Id != row.Id && c.UsedAt == null && c.InvalidatedAt == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.InvalidatedAt, now), cancellationToken);
        return new OtpSend(code, null);
    }

    private async Task<string?> HourlyRefusalAsync(
        OtpPurpose purpose, Guid subjectId, bool isResend, string destinationHash, string? ip, DateTime now, CancellationToken cancellationToken)
    {
        var hourAgo = now.AddHours(-1);
        // Every code after the first of a challenge is a resend; count them over the last hour for this person.
        var resends = !isResend ? [] : await db.OneTimeCodes.Where(c => c.SubjectId == subjectId && c.Purpose == purpose && c.CreatedAt > hourAgo && c.Sequence > 1)
            .OrderBy(c => c.CreatedAt).Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        if (resends.Count >= Settings.MaxResendsPerHour)
        {
            return Wording.Of($"Kode sudah dikirim ulang {Settings.MaxResendsPerHour} kali dalam satu jam terakhir. {NextAt(resends[^Settings.MaxResendsPerHour])}");
        }

        if (purpose != OtpPurpose.Registration)
        {
            // Login and "Tambah Perusahaan" send only to the account's own verified number, after its password.
            return null;
        }

        // Registration sends to a number a stranger typed: bound what one number receives and one address asks for.
        var registrations = db.OneTimeCodes.Where(c => c.Purpose == OtpPurpose.Registration && c.CreatedAt > hourAgo);
        var toDestination = await registrations.Where(c => c.DestinationHash == destinationHash)
            .OrderByDescending(c => c.CreatedAt).Select(c => c.CreatedAt).Take(Settings.MaxPerDestinationPerHour).ToListAsync(cancellationToken);
        if (toDestination.Count >= Settings.MaxPerDestinationPerHour)
        {
            return Wording.Of($"Nomor ini sudah menerima {Settings.MaxPerDestinationPerHour} kode OTP dalam satu jam terakhir. {NextAt(toDestination[^1])}");
        }

        if (ip is null)
        {
            return null;
        }

        var fromAddress = await registrations.Where(c => c.RequestIp == ip)
            .OrderByDescending(c => c.CreatedAt).Select(c => c.CreatedAt).Take(Settings.MaxPerAddressPerHour).ToListAsync(cancellationToken);
        return fromAddress.Count >= Settings.MaxPerAddressPerHour
            ? Wording.Of($"Terlalu banyak permintaan kode OTP dari jaringan Anda dalam satu jam terakhir. {NextAt(fromAddress[^1])}")
            : null;
    }

    private static string WaitSeconds(TimeSpan wait) => Wording.Of($"Kode baru dapat diminta lagi dalam {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} detik.");

    /// <summary>When the oldest counted code leaves the hour, a new one is allowed.</summary>
    private static string NextAt(DateTime oldestCounted) => Wording.Of($"Kode berikutnya dapat diminta mulai {JakartaTime.Display(oldestCounted.AddHours(1))}.");

    /// <summary>Checks a typed code. Success consumes it; each wrong try counts, and the last allowed one invalidates it.</summary>
    public async Task<OtpCheck> VerifyAsync(Guid challengeId, string? typed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = await db.OneTimeCodes.AsNoTracking()
            .Where(c => c.ChallengeId == challengeId && c.UsedAt == null && c.InvalidatedAt == null)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return OtpCheck.Fail(Wording.Of("Kode OTP tidak berlaku lagi. Pilih \"Kirim ulang kode\" untuk meminta kode baru."));
        }

        if (code.ExpiresAt <= now)
        {
            return OtpCheck.Fail(Wording.Of("Kode OTP sudah kedaluwarsa. Pilih \"Kirim ulang kode\" untuk meminta kode baru."));
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
            return used == 1 ? OtpCheck.Success(code.SubjectId) : OtpCheck.Fail(Wording.Of("Kode OTP tidak berlaku lagi."));
        }

        await db.OneTimeCodes.Where(c => c.Id == code.Id)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.FailedAttempts, x => x.FailedAttempts + 1), cancellationToken);
        var failed = await db.OneTimeCodes.Where(c => c.Id == code.Id).Select(c => c.FailedAttempts).SingleAsync(cancellationToken);
        if (failed >= Settings.MaxAttempts)
        {
            await db.OneTimeCodes.Where(c => c.Id == code.Id)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.InvalidatedAt, now), cancellationToken);
            return OtpCheck.Fail(Wording.Of($"Kode OTP salah {Settings.MaxAttempts} kali dan tidak berlaku lagi. Pilih \"Kirim ulang kode\" untuk meminta kode baru."));
        }

        return OtpCheck.Fail(Wording.Of($"Kode OTP salah. Sisa percobaan: {Settings.MaxAttempts - failed}."));
    }
}

/// <summary>A code to send, or the reason none may be sent now (with when the next is allowed).</summary>
public sealed record OtpSend(string? Code, string? Refusal)
{
    public static OtpSend Refused(string refusal) => new(null, refusal);
}

public sealed record OtpCheck(bool Succeeded, Guid SubjectId, string? Error)
{
    public static OtpCheck Success(Guid subjectId) => new(true, subjectId, null);

    public static OtpCheck Fail(string error) => new(false, Guid.Empty, error);
}
