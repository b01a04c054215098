using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Uploads;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>Batches waiting to be checked, in arrival order.</summary>
public sealed class UploadQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid batchId) => _channel.Writer.TryWrite(batchId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Checks uploads in the background, one at a time, so that a large file never holds a request open.</summary>
public sealed class UploadWorker(UploadQueue queue, IServiceScopeFactory scopes, ILogger<UploadWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeInterruptedAsync(stoppingToken);
        await foreach (var batchId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<UploadChecker>().CheckAsync(batchId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Checking upload {BatchId} failed", batchId);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SippDbContext>().UploadBatches.Where(b => b.Id == batchId)
                    .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, UploadState.Ditolak)
                        .SetProperty(x => x.Refusal, "File tidak dapat dibaca sampai selesai. Periksa isinya atau simpan ulang, lalu upload lagi."), stoppingToken);
            }
        }
    }

    private async Task ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var waiting = await scope.ServiceProvider.GetRequiredService<SippDbContext>().UploadBatches
            .Where(b => b.State == UploadState.Diperiksa).OrderBy(b => b.UploadedAt).Select(b => b.Id).ToListAsync(cancellationToken);
        waiting.ForEach(queue.Enqueue);
    }
}
