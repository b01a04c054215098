namespace Sipp.Data.Api;

/// <summary>
/// An API client's URL that receives chosen events of its divisions (ADR 0022). Deliveries are outbox messages of the
/// webhook channel naming this subscription, signed with its secret; the secret is kept encrypted by Data Protection
/// (an HMAC key must be readable to sign) and shown once, when the subscription is made.
/// </summary>
public class WebhookSubscription
{
    public Guid Id { get; set; }

    public Guid ApiClientId { get; set; }

    public ApiClient ApiClient { get; set; } = null!;

    public required string Url { get; set; }

    /// <summary>The event types, separated by spaces (<c>tagihan.terbit tagihan.dibayar …</c>).</summary>
    public required string Events { get; set; }

    /// <summary>The signing secret, protected by Data Protection (shared by every node through the key ring).</summary>
    public required string ProtectedSecret { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool Receives(string eventType) => Events.Split(' ').Contains(eventType, StringComparer.Ordinal);
}

public static class WebhookSubscriptionQueries
{
    /// <summary>The subscriptions whose client is neither revoked nor expired at <paramref name="now"/> (<see cref="ApiClient.IsUsableAt"/> in SQL).</summary>
    public static IQueryable<WebhookSubscription> OfUsableClients(this IQueryable<WebhookSubscription> subscriptions, DateTime now) =>
        subscriptions.Where(s => s.ApiClient.RevokedAt == null && s.ApiClient.ExpiresAt > now);
}
