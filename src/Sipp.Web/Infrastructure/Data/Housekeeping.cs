using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Audit;
using Sipp.Data.Uploads;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>Configuration section "Retention": how long what is no longer needed is kept. The audit trail is kept: after
/// <see cref="AuditOnlineMonths"/> it moves to the monthly archive.</summary>
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

    /// <summary>Whole calendar months of audit events the pages read; older months go to <see cref="AuditArchive"/>.</summary>
    [Range(1, 1200)]
    public int AuditOnlineMonths { get; set; } = 24;
}

/// <summary>
/// The nightly clean-up (issue 15: nothing removed sent messages, old codes or upload rows): deletes in chunks, each its
/// own short statement, so that a night after a month-end of 1.4 million reminders never holds a long lock. The audit
/// trail is never deleted: months past the online window are moved, a part of at most 50,000 events per transaction,
/// into the archive (compressed JSON Lines per month), which an Administrator downloads from
/// <c>/admin/arsip-audit/{bulan}.jsonl.gz</c>.
/// </summary>
public sealed class Housekeeping(SippDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
{
    private const int Chunk = 10_000;
    private const int ArchivePart = 50_000;

    public sealed record Removed(int Messages, int Codes, int Tokens, int Registrations, int UploadRows, int Lockouts, int AuditEventsArchived);

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
        var keptFrom = now - Sipp.Web.Features.Api.Idempotency.Kept;
        await db.ApiIdempotencies.Where(i => i.CreatedAt < keptFrom).ExecuteDeleteAsync(cancellationToken); // API answers kept 24 hours
        var archived = await ArchiveAuditAsync(now, retention.AuditOnlineMonths, cancellationToken);
        return new Removed(messages, codes, tokens, registrations, uploadRows, lockouts, archived);
    }

    private async Task<int> ArchiveAuditAsync(DateTime now, int onlineMonths, CancellationToken cancellationToken)
    {
        var online = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-onlineMonths);
        // Every company's: the archive is the system's, read only by an Administrator.
        var events = db.AuditEvents.AcrossDivisions();
        var archived = 0;
        while (await events.Where(a => a.OccurredAt < online).OrderBy(a => a.OccurredAt).Select(a => (DateTime?)a.OccurredAt).FirstOrDefaultAsync(cancellationToken) is { } oldest)
        {
            var start = new DateTime(oldest.Year, oldest.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            var end = start.AddMonths(1);
            var month = start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var part = await events.AsNoTracking().Where(a => a.OccurredAt >= start && a.OccurredAt < end).OrderBy(a => a.Id).Take(ArchivePart).ToListAsync(cancellationToken);
            var last = part[^1].Id;
            var content = Sipp.Web.Infrastructure.Audit.AuditArchiveFormat.Compress(part);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await db.AuditArchives.Where(a => a.Month == month).MaxAsync(a => (int?)a.Part, cancellationToken) ?? 0;
            db.AuditArchives.Add(new AuditArchive
            {
                Month = month, Part = number + 1, EventCount = part.Count, FirstEventId = part[0].Id, LastEventId = last, Content = content,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), ArchivedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            // The same events as read: of this month, up to the last id taken (nothing new is written with an old time).
            var moved = await events.Where(a => a.OccurredAt >= start && a.OccurredAt < end && a.Id <= last).ExecuteDeleteAsync(cancellationToken);
            if (moved != part.Count)
            {
                throw new InvalidOperationException($"Arsip audit {month}: {part.Count} peristiwa dibaca, {moved} dihapus; dibatalkan.");
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            archived += moved;
        }

        return archived;
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
