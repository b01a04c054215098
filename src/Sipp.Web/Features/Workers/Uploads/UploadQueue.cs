using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>
/// Batches waiting to be checked live in the database (state Diperiksa); a worker on any node claims one with a lease.
/// This in-process signal only wakes this node's workers at once when a file arrives here.
/// </summary>
public sealed class UploadQueue
{
    private readonly SemaphoreSlim _arrived = new(0);

    public void Wake() => _arrived.Release();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _arrived.WaitAsync(timeout, cancellationToken);

    /// <summary>How long a claim holds without a sign of life; each checked chunk renews it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>A file whose check stopped this often without finishing (a crash, a kill) is refused, not tried forever.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Claims the oldest waiting batch of a company that has no check running, so that one company's uploads never hold
    /// up another's: each company (all its divisions) is checked one file at a time, companies in parallel. Any node claims
    /// any batch (the file is in the database); a claim is an atomic compare-and-set on the lease, so never two at once,
    /// and a lease that lapses (a node died) is claimed again by whichever node asks next.
    /// </summary>
    public static async Task<(Guid Id, int Attempts)?> ClaimNextAsync(SippDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        // The queue is every company's: claimed across divisions; the check itself then runs scoped to the batch's division.
        var waiting = db.UploadBatches.AcrossDivisions().Where(b => b.State == UploadState.Diperiksa);
        var companiesChecking = waiting.Where(b => b.ClaimedUntil != null && b.ClaimedUntil >= now)
            .Join(db.Divisions, b => b.DivisionId, d => d.Id, (_, d) => d.CompanyId);
        var candidates = await waiting.Where(b => b.ClaimedUntil == null || b.ClaimedUntil < now)
            .Join(db.Divisions, b => b.DivisionId, d => d.Id, (b, d) => new { b.Id, b.UploadedAt, d.CompanyId })
            .Where(b => !companiesChecking.Contains(b.CompanyId))
            .OrderBy(b => b.UploadedAt).Select(b => b.Id).Take(50).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var claimed = await db.UploadBatches.AcrossDivisions().Where(b => b.Id == id && b.State == UploadState.Diperiksa && (b.ClaimedUntil == null || b.ClaimedUntil < now))
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.ClaimedUntil, now + Lease).SetProperty(x => x.CheckAttempts, x => x.CheckAttempts + 1), cancellationToken);
            if (claimed == 1)
            {
                return (id, await db.UploadBatches.AcrossDivisions().Where(b => b.Id == id).Select(b => b.CheckAttempts).SingleAsync(cancellationToken));
            }
        }

        return null;
    }
}

/// <summary>
/// Checks uploads in the background, <see cref="UploadOptions.CheckWorkers"/> at a time, so that a large file never
/// holds a request open. Stopping the host stops a check between rows and gives its claim back.
/// </summary>
public sealed class UploadWorker(UploadQueue queue, IServiceScopeFactory scopes, IOptions<UploadOptions> options, TimeProvider clock, ILogger<UploadWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.CheckWorkers).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                (Guid Id, int Attempts)? next;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    next = await UploadQueue.ClaimNextAsync(scope.ServiceProvider.GetRequiredService<SippDbContext>(), clock.GetUtcNow().UtcDateTime, stoppingToken);
                }

                if (next is { } claimed)
                {
                    await CheckAsync(claimed.Id, claimed.Attempts, stoppingToken);
                }
                else
                {
                    await queue.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Claiming an upload to check failed");
                await Task.Delay(PollInterval, CancellationToken.None);
            }
        }
    }

    private async Task CheckAsync(Guid batchId, int attempts, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The reasons stored for the file's rows are written in the uploader's language. Set in this async method, the
            // culture holds for its own work only (the execution context is restored when it returns).
            var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
            var language = await db.UploadBatches.AcrossDivisions().Where(b => b.Id == batchId)
                .Select(b => db.Users.Where(u => u.Id == b.UploadedByUserId).Select(u => u.Language).FirstOrDefault()).FirstOrDefaultAsync(stoppingToken);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Wording.CultureOf(language);
            if (attempts > UploadQueue.MaxAttempts)
            {
                await RefuseAsync(batchId, Wording.Of("File ini tidak dapat diperiksa sampai selesai. Periksa isinya atau simpan ulang, lalu upload lagi."));
                return;
            }

            await scope.ServiceProvider.GetRequiredService<UploadChecker>().CheckAsync(batchId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: give the claim back, uncounted, so the check starts again at once on a node that runs.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SippDbContext>().UploadBatches.AcrossDivisions().Where(b => b.Id == batchId && b.State == UploadState.Diperiksa)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.ClaimedUntil, (DateTime?)null).SetProperty(x => x.CheckAttempts, x => x.CheckAttempts - 1), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Checking upload {BatchId} failed", batchId);
            await RefuseAsync(batchId, Wording.Of("File tidak dapat dibaca sampai selesai. Periksa isinya atau simpan ulang, lalu upload lagi."));
        }
    }

    private async Task RefuseAsync(Guid batchId, string reason)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UploadChecker>().RefuseAsync(batchId, reason, CancellationToken.None);
    }
}
