using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// Limits per account on login, beside the per-IP limiter: a cap on attempts per email (shared by every node through
/// Redis where it is configured), and for emails that have no account the same 5-failures lockout that Identity
/// applies to real accounts, counted in the database like Identity's own, so that the answer never tells whether an
/// email is registered — on one node or many.
/// </summary>
public sealed class LoginThrottle(IOptions<SecurityOptions> options, IOptions<RateLimitOptions> limits, TimeProvider clock, SharedRateLimitStore store)
    : IDisposable
{
    private readonly PartitionedRateLimiter<string> _attemptsPerEmail = PartitionedRateLimiter.Create<string, string>(email =>
        SharedRateLimits.Window("masuk-akun:" + email, limits.Value.LoginPerAccount, store.Redis));

    /// <summary>False when this email has been tried too often recently, whatever the password.</summary>
    public async Task<bool> TryAttemptAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        using var lease = await _attemptsPerEmail.AcquireAsync(normalizedEmail, cancellationToken: cancellationToken);
        return lease.IsAcquired;
    }

    public Task<bool> IsUnknownLockedOutAsync(SippDbContext db, string normalizedEmail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UnknownEmailLockouts.AnyAsync(l => l.NormalizedEmail == normalizedEmail && l.LockedUntil > now, cancellationToken);
    }

    /// <summary>
    /// Counts a failed login for an email without account; returns true when that locks it, as Identity would. One
    /// statement counts (a lapsed lock starts the count again) and one locks, so nodes counting at once lose nothing.
    /// </summary>
    public async Task<bool> RecordUnknownFailureAsync(SippDbContext db, string normalizedEmail, CancellationToken cancellationToken)
    {
        var settings = options.Value.Lockout;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "UnknownEmailLockouts" ("NormalizedEmail", "Failures", "LockedUntil") VALUES ({normalizedEmail}, 1, NULL)
            ON CONFLICT ("NormalizedEmail") DO UPDATE SET
                "Failures" = CASE WHEN "UnknownEmailLockouts"."LockedUntil" <= {now} THEN 1 ELSE "UnknownEmailLockouts"."Failures" + 1 END,
                "LockedUntil" = CASE WHEN "UnknownEmailLockouts"."LockedUntil" <= {now} THEN NULL ELSE "UnknownEmailLockouts"."LockedUntil" END
            """, cancellationToken);
        var until = now + settings.Duration;
        return await db.UnknownEmailLockouts
            .Where(l => l.NormalizedEmail == normalizedEmail && l.LockedUntil == null && l.Failures >= settings.MaxFailedAttempts)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Failures, 0).SetProperty(x => x.LockedUntil, until), cancellationToken) == 1;
    }

    public void Dispose() => _attemptsPerEmail.Dispose();
}
