using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Messaging;

namespace Sipp.Web.Infrastructure.Messaging;

/// <summary>GET /dev/outbox.json: every queued or sent message, newest first. Mapped in Development only.</summary>
public static class DevOutboxApi
{
    public static void MapDevOutbox(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/dev/outbox.json", async (SippDbContext db, CancellationToken cancellationToken) =>
            TypedResults.Ok(await ReadAsync(db, cancellationToken))).AllowAnonymous().ExcludeFromDescription();

    public static async Task<List<OutboxEntry>> ReadAsync(SippDbContext db, CancellationToken cancellationToken)
    {
        var messages = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(500).ToListAsync(cancellationToken);
        return messages.Select(m => new OutboxEntry(
            m.Channel.ToString().ToLowerInvariant(), m.To, m.Subject, m.Body, m.SentAt ?? m.CreatedAt)).ToList();
    }
}

/// <param name="SentAt">When the message was sent, or queued when delivery is off.</param>
public sealed record OutboxEntry(string Channel, string To, string? Subject, string Body, DateTime SentAt);
