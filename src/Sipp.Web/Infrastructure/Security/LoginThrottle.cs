using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// Limits per account on login, beside the per-IP limiter: a cap on attempts per email, and for emails that have no
/// account the same 5-failures lockout that Identity applies to real accounts, so that the answer never tells
/// whether an email is registered.
/// </summary>
public sealed class LoginThrottle(IOptions<SecurityOptions> options, IOptions<RateLimitOptions> limits, TimeProvider clock) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _attemptsPerEmail = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.Value.LoginPerAccount.PermitLimit, Window = limits.Value.LoginPerAccount.Window, QueueLimit = 0,
        }));

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset? LockedUntil)> _unknown = new(StringComparer.Ordinal);

    /// <summary>False when this email has been tried too often recently, whatever the password.</summary>
    public bool TryAttempt(string normalizedEmail)
    {
        using var lease = _attemptsPerEmail.AttemptAcquire(normalizedEmail);
        return lease.IsAcquired;
    }

    public bool IsUnknownLockedOut(string normalizedEmail) =>
        _unknown.TryGetValue(normalizedEmail, out var state) && state.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a failed login for an email without account; returns true when that locks it, as Identity would.</summary>
    public bool RecordUnknownFailure(string normalizedEmail)
    {
        var settings = options.Value.Lockout;
        var state = _unknown.AddOrUpdate(
            normalizedEmail,
            _ => (1, null),
            (_, s) => s.LockedUntil is { } until && until <= clock.GetUtcNow() ? (1, null) : (s.Failures + 1, s.LockedUntil));
        if (state.Failures >= settings.MaxFailedAttempts && state.LockedUntil is null)
        {
            _unknown[normalizedEmail] = (0, clock.GetUtcNow() + settings.Duration);
            return true;
        }

        return false;
    }

    public void Dispose() => _attemptsPerEmail.Dispose();
}
