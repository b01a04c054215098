using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Api;
using Sipp.Data.Messaging;
using Sipp.Web.Features.Api.Webhooks;
using Sipp.Web.Infrastructure.Observability;

namespace Sipp.Web.Infrastructure.Messaging;

/// <summary>
/// Sends queued messages in the background with retries and a growing back-off, on every node at once. A node claims a
/// batch in one statement (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so nodes take different rows instead of
/// the same 50 oldest), sends it in parallel over kept connections, and records the outcome. Two lanes run side by
/// side: one only for urgent messages (a code someone is typing), one for everything in priority order, so an OTP is
/// never queued behind a morning's reminders (issue 15: 114 s behind 3,000 messages).
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.DispatchInBackground
            ? Task.WhenAll(
                Task.Run(() => LaneAsync(MessagePriority.Urgent, options.Value.UrgentPollInterval, stoppingToken), CancellationToken.None),
                Task.Run(() => LaneAsync(MessagePriority.Bulk, options.Value.PollInterval, stoppingToken), CancellationToken.None))
            : Task.CompletedTask;

    private async Task LaneAsync(MessagePriority upTo, TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await DispatchRoundAsync(upTo, stoppingToken) is (_, true);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox dispatch failed; trying again on the next round");
            }

            if (!full)
            {
                try
                {
                    await Task.Delay(pollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round of every priority: claims a batch of due messages, sends it, and returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken) => (await DispatchRoundAsync(MessagePriority.Bulk, cancellationToken)).Sent;

    private async Task<(int Sent, bool Full)> DispatchRoundAsync(MessagePriority upTo, CancellationToken cancellationToken)
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

        if (settings.Webhooks.Enabled)
        {
            channels.Add(MessageChannel.Webhook);
        }

        if (channels.Count == 0)
        {
            return (0, false);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
        var claimed = await ClaimAsync(db, channels, upTo, settings.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return (0, false);
        }

        // Read before sending in parallel: one context is not shared between threads.
        var subscriptions = await WebhookSubscriptionsAsync(db, claimed, cancellationToken);
        var failures = new ConcurrentDictionary<long, string>();
        var sent = new ConcurrentBag<long>();
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = settings.Senders, CancellationToken = cancellationToken }, async (message, ct) =>
        {
            try
            {
                await SendAsync(scope.ServiceProvider, message, subscriptions, ct);
                sent.Add(message.Id);
                SippMetrics.MessagesSent.Add(1, new("channel", message.Channel.ToString()), new("priority", message.Priority.ToString()));
                SippMetrics.MessageQueueAge.Record((clock.GetUtcNow().UtcDateTime - message.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("priority", message.Priority.ToString()));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures[message.Id] = e is HttpRequestException or TaskCanceledException or WebhookGoneException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                SippMetrics.MessagesFailed.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()));
            }
        });

        var sentAt = clock.GetUtcNow().UtcDateTime;
        foreach (var ids in sent.Chunk(500))
        {
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(
                m => m.SetProperty(x => x.SentAt, sentAt).SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.NextAttemptAt, (DateTime?)null),
                CancellationToken.None);
        }

        foreach (var message in claimed.Where(m => failures.ContainsKey(m.Id)))
        {
            var gone = message.Channel == MessageChannel.Webhook && (message.WebhookSubscriptionId is not { } id || !subscriptions.ContainsKey(id));
            await RecordFailureAsync(db, message, failures[message.Id], gone);
        }

        return (sent.Count, claimed.Count == settings.BatchSize);
    }

    /// <summary>
    /// Moves the next-attempt time of up to <paramref name="batch"/> due messages forward by the lease, most urgent and
    /// oldest first, and returns them: a node that dies mid-batch leaves its messages to be claimed again when the lease
    /// lapses. SQLite (one node) has no row locks to skip; its write transactions take turns.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(SippDbContext db, List<MessageChannel> channels, MessagePriority upTo, int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var priority = (int)upTo;
        var email = channels.Contains(MessageChannel.Email) ? (int)MessageChannel.Email : 0;
        var sms = channels.Contains(MessageChannel.Sms) ? (int)MessageChannel.Sms : 0;
        var webhook = channels.Contains(MessageChannel.Webhook) ? (int)MessageChannel.Webhook : 0;
        var claim = db.Database.IsNpgsql()
            ? db.OutboxMessages.FromSql($"""
                UPDATE "OutboxMessages" SET "NextAttemptAt" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now} AND "Priority" <= {priority} AND "Channel" IN ({email}, {sms}, {webhook})
                    ORDER BY "Priority", "Id" LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            : db.OutboxMessages.FromSql($"""
                UPDATE "OutboxMessages" SET "NextAttemptAt" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now} AND "Priority" <= {priority} AND "Channel" IN ({email}, {sms}, {webhook})
                    ORDER BY "Priority", "Id" LIMIT {batch})
                RETURNING *
                """);
        var claimed = await claim.AsNoTracking().ToListAsync(cancellationToken);
        return claimed.OrderBy(m => m.Priority).ThenBy(m => m.Id).ToList();
    }

    private static async Task SendAsync(
        IServiceProvider services, OutboxMessage message, Dictionary<Guid, WebhookSubscription> subscriptions, CancellationToken cancellationToken)
    {
        switch (message.Channel)
        {
            case MessageChannel.Email:
                await services.GetRequiredService<SmtpEmailSender>().SendAsync(message.To, message.Subject ?? string.Empty, message.Body, cancellationToken);
                break;
            case MessageChannel.Sms:
                await services.GetRequiredService<SmsGatewayClient>().SendAsync(message.To, message.Body, cancellationToken);
                break;
            default:
                var subscription = message.WebhookSubscriptionId is { } id && subscriptions.GetValueOrDefault(id) is { } found ? found : throw new WebhookGoneException();
                await services.GetRequiredService<WebhookSender>().SendAsync(message, subscription, cancellationToken);
                break;
        }
    }

    /// <summary>The subscriptions of the claimed webhook deliveries whose client may still receive them.</summary>
    private async Task<Dictionary<Guid, WebhookSubscription>> WebhookSubscriptionsAsync(SippDbContext db, List<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        var ids = claimed.Where(m => m.WebhookSubscriptionId is not null).Select(m => m.WebhookSubscriptionId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WebhookSubscriptions.AsNoTracking().OfUsableClients(now).Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
    }

    /// <summary>A delivery whose subscription was deleted or whose client was revoked or expired: given up at once.</summary>
    private sealed class WebhookGoneException() : Exception("Langganan webhook sudah dihapus atau klien API-nya dicabut/kedaluwarsa; pengiriman dihentikan.");

    private async Task RecordFailureAsync(SippDbContext db, OutboxMessage message, string error, bool giveUp)
    {
        var attempts = message.Attempts + 1;
        var maxAttempts = message.Channel == MessageChannel.Webhook ? options.Value.Webhooks.MaxAttempts : options.Value.MaxAttempts;
        DateTime? next = giveUp || attempts >= maxAttempts
            ? null
            : clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, attempts - 1)));
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
            m => m.SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptAt, next)
                .SetProperty(x => x.LastError, error[..Math.Min(error.Length, 2000)]),
            CancellationToken.None);
        logger.LogWarning("Sending {Channel} message {Id} failed (attempt {Attempts}): {Error}", message.Channel, message.Id, attempts, error);
    }
}
