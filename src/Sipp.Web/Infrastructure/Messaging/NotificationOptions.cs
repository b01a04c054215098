using MailKit.Security;

namespace Sipp.Web.Infrastructure.Messaging;

/// <summary>Configuration section "Notifications".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public EmailSettings Email { get; set; } = new();

    public SmsSettings Sms { get; set; } = new();

    public WebhookSettings Webhooks { get; set; } = new();

    /// <summary>Send from a background loop (off only where something else drives the rounds, e.g. tests).</summary>
    public bool DispatchInBackground { get; set; } = true;

    /// <summary>How often the dispatcher looks for messages to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After this many failed attempts a message is given up (and stays in the outbox with its error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Messages claimed at once by a node; a full batch is followed by the next at once.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Messages sent at once by a node (each email sender over its own kept SMTP connection).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int Senders { get; set; } = 8;

    /// <summary>How often the lane of urgent messages (OTPs, activation and reset links) looks for work.</summary>
    public TimeSpan UrgentPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}

public sealed class EmailSettings
{
    /// <summary>Send through SMTP. Off: messages stay in the outbox (Development shows them at /dev/outbox).</summary>
    public bool Enabled { get; set; }

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "no-reply@sipp.local";

    public string FromName { get; set; } = "Sipp BPJS Ketenagakerjaan";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class SmsSettings
{
    /// <summary>Send through the HTTP gateway. Off: messages stay in the outbox.</summary>
    public bool Enabled { get; set; }

    /// <summary>The gateway's send URL; it receives POST {"to","message","sender"} as JSON.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Sent as "Authorization: Bearer …".</summary>
    public string? ApiKey { get; set; }

    public string Sender { get; set; } = "SIPP";
}

public sealed class WebhookSettings
{
    /// <summary>Deliver API clients' webhooks. Off: deliveries stay in the outbox.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Allow http:// URLs and addresses on loopback or private networks (Development and tests). Off in production: a
    /// client's URL is https and its address public, checked when the connection is made, so a webhook cannot be
    /// pointed at Sipp's own network.
    /// </summary>
    public bool AllowLocal { get; set; }

    /// <summary>How long a receiver has to answer before the delivery counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a delivery is given up: the back-off doubles from 10 s to an hour, about seven hours in all.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 30)]
    public int MaxAttempts { get; set; } = 16;
}
