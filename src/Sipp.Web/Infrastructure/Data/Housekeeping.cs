using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Uploads;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>Configuration section "Retention": how long what is no longer needed is kept. The audit trail is kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Sent emails and SMS (their bodies hold codes and links, useless once sent).</summary>
    [Range(1, 3650)]
    public int SentMessageDays { get; set; } = 30;

    /// <summary>The refused rows of an upload that ended (imported, refused or cancelled).</summary>
    [Range(1, 3650)]
    public int FinishedUploadDays { get; set; } = 30;

    /// <summary>OTP codes, one-time links and registrations after they expired.</summary>
    [Range(1, 365)]
    public int ExpiredCodeDays { get; set; } = 1;
}

/// <summary>
/// The nightly clean-up (issue 15: nothing removed sent messages, old codes or upload rows): deletes in chunks, each its
/// own short statement, so that a night after a month-end of 1.4 million reminders never holds a long lock.
/// </summary>
public sealed class Housekeeping(SippDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
{
    private const int Chunk = 10_000;

    public sealed record Removed(int Messages, int Codes, int Tokens, int Registrations, int UploadRows, int Lockouts);

    public async Task<Removed> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var retention = options.Value;
        var sentBefore = now.AddDays(-retention.SentMessageDays);
        var expiredBefore = now.AddDays(-retention.ExpiredCodeDays);
        var finishedBefore = now.AddDays(-retention.FinishedUploadDays);

        var messages = await InChunksAsync(db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < sentBefore).Select(m => m.Id), ids => db.OutboxMessages.Where(m => ids.Contains(m.Id)), cancellationToken);
        var codes = await InChunksAsync(db.OneTimeCodes.Where(c => c.ExpiresAt < expiredBefore).Select(c => c.Id), ids => db.OneTimeCodes.Where(c => ids.Contains(c.Id)), cancellationToken);
        var tokens = await InChunksAsync(db.AccountTokens.Where(t => t.ExpiresAt < expiredBefore).Select(t => t.Id), ids => db.AccountTokens.Where(t => ids.Contains(t.Id)), cancellationToken);
        // Every company's: the clean-up is the system's, not a division's.
        var registrations = await db.PendingRegistrations.AcrossDivisions().Where(r => r.ExpiresAt < expiredBefore).ExecuteDeleteAsync(cancellationToken);
        var uploadRows = await InChunksAsync(
            db.UploadRowErrors.AcrossDivisions().Where(e => e.Batch.State != UploadState.Diperiksa && e.Batch.State != UploadState.SiapImpor
                && (e.Batch.ImportedAt ?? e.Batch.CheckedAt ?? e.Batch.UploadedAt) < finishedBefore).Select(e => e.Id),
            ids => db.UploadRowErrors.AcrossDivisions().Where(e => ids.Contains(e.Id)), cancellationToken);
        var lockouts = await db.UnknownEmailLockouts.Where(l => l.LockedUntil < expiredBefore).ExecuteDeleteAsync(cancellationToken);
        return new Removed(messages, codes, tokens, registrations, uploadRows, lockouts);
    }

    private static async Task<int> InChunksAsync<TKey, TEntity>(IQueryable<TKey> keys, Func<List<TKey>, IQueryable<TEntity>> rows, CancellationToken cancellationToken)
    {
        var removed = 0;
        while (true)
        {
            var chunk = await keys.Take(Chunk).ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                return removed;
            }

            removed += await rows(chunk).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
