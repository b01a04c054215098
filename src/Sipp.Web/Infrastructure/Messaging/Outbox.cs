using Sipp.Domain;
using Sipp.Data;
using Sipp.Data.Messaging;

namespace Sipp.Web.Infrastructure.Messaging;

/// <summary>
/// Queues emails and SMS in the outbox table. The caller's SaveChanges writes them in the same transaction as the
/// change they announce; the dispatcher sends them in the background, so a slow server never blocks a request.
/// </summary>
public sealed class Outbox(SippDbContext db, TimeProvider clock)
{
    public void Email(string to, string subject, string body, MessagePriority priority = MessagePriority.Normal) =>
        Add(MessageChannel.Email, to, subject, body, priority);

    /// <summary>An email's body from its paragraphs, each written (and translated) as one sentence or a few.</summary>
    public static string Paragraphs(params string[] paragraphs) => string.Join("\n\n", paragraphs);

    public void Sms(string to, string body, MessagePriority priority = MessagePriority.Normal) => Add(MessageChannel.Sms, to, null, body, priority);

    private void Add(MessageChannel channel, string to, string? subject, string body, MessagePriority priority)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage { Channel = channel, Priority = priority, To = to, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now });
        Observability.SippMetrics.MessagesQueued.Add(1, new("channel", channel.ToString()), new("priority", priority.ToString()));
    }
}
