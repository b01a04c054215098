namespace Sipp.Data.Messaging;

/// <summary>An email or SMS waiting to be sent (or sent), so that sending never blocks a request.</summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public MessageChannel Channel { get; set; }

    /// <summary>Lower goes first: a code someone is waiting for never queues behind a morning's reminders.</summary>
    public MessagePriority Priority { get; set; } = MessagePriority.Normal;

    public required string To { get; set; }

    public string? Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>For a webhook delivery: the subscription whose URL and secret it is sent with (null once that is deleted).</summary>
    public Guid? WebhookSubscriptionId { get; set; }
}

public enum MessageChannel
{
    Email = 1,
    Sms = 2,

    /// <summary>An event POSTed to an API client's URL: <see cref="OutboxMessage.Subject"/> is the event type, the body its JSON.</summary>
    Webhook = 3,
}

public enum MessagePriority
{
    /// <summary>Someone is waiting for it now: an OTP, an activation or reset link.</summary>
    Urgent = 0,

    Normal = 1,

    /// <summary>Sent to many at once by a job: reminders and late notices.</summary>
    Bulk = 2,
}
