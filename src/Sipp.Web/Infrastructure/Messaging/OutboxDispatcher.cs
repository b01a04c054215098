using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Messaging;

namespace Sipp.Web.Infrastructure.Messaging;

/// <summary>
/// Sends queued messages in the background with retries and a growing back-off. A message is claimed by moving its
/// next-attempt time forward in one conditional update, so two nodes never send the same message.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (options.Value.DispatchInBackground && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox dispatch failed; trying again on the next round");
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>One round: sends every due message of the enabled channels. Returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var channels = new List<MessageChannel>();
        if (settings.Email.Enabled)
        {
            channels.Add(MessageChannel.Email);
        }

        if (settings.Sms.Enabled)
        {
            channels.Add(MessageChannel.Sms);
        }

        if (channels.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now && channels.Contains(m.Channel))
            .OrderBy(m => m.Id).Take(50).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var message in due)
        {
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.SentAt == null && m.NextAttemptAt == message.NextAttemptAt)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, now + Lease), cancellationToken);
            if (claimed == 1 && await SendAsync(scope.ServiceProvider, db, message, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(IServiceProvider services, SippDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (message.Channel == MessageChannel.Email)
            {
                await services.GetRequiredService<SmtpEmailSender>().SendAsync(message.To, message.Subject ?? string.Empty, message.Body, cancellationToken);
            }
            else
            {
                await services.GetRequiredService<SmsGatewayClient>().SendAsync(message.To, message.Body, cancellationToken);
            }

            var sentAt = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                m => m.SetProperty(x => x.SentAt, sentAt).SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.NextAttemptAt, (DateTime?)null),
                cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            DateTime? next = attempts >= options.Value.MaxAttempts
                ? null
                : clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, attempts - 1)));
            var error = $"{e.GetType().Name}: {e.Message}";
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                m => m.SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptAt, next)
                    .SetProperty(x => x.LastError, error[..Math.Min(error.Length, 2000)]),
                cancellationToken);
            logger.LogWarning("Sending {Channel} message {Id} failed (attempt {Attempts}): {Error}", message.Channel, message.Id, attempts, error);
            return false;
        }
    }
}
