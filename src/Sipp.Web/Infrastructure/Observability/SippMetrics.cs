using System.Diagnostics.Metrics;

namespace Sipp.Web.Infrastructure.Observability;

/// <summary>
/// The product's own measurements, beside ASP.NET Core's, HttpClient's, EF Core's and Npgsql's: what was computed,
/// checked, received and sent, and how long messages waited. Exported with the others (Prometheus, OTLP).
/// </summary>
public static class SippMetrics
{
    public const string MeterName = "Sipp";

    private static readonly Meter Meter = new(MeterName, "1.0");

    public static readonly Counter<long> PeriodsComputed = Meter.CreateCounter<long>("sipp.periods.computed", description: "Periods computed by Hitung Iuran");

    public static readonly Counter<long> LinesWritten = Meter.CreateCounter<long>("sipp.contribution_lines.written", description: "Contribution lines written by Hitung Iuran");

    public static readonly Counter<long> UploadsChecked = Meter.CreateCounter<long>("sipp.uploads.checked", description: "Uploads whose check ended, by outcome");

    public static readonly Counter<long> UploadRowsChecked = Meter.CreateCounter<long>("sipp.upload_rows.checked", description: "Rows of uploads checked");

    public static readonly Counter<long> PaymentNotifications = Meter.CreateCounter<long>("sipp.payment_notifications.received", description: "Banks' payment notices, by outcome");

    public static readonly Counter<long> MessagesQueued = Meter.CreateCounter<long>("sipp.messages.queued", description: "Emails and SMS queued, by channel and priority");

    public static readonly Counter<long> MessagesSent = Meter.CreateCounter<long>("sipp.messages.sent", description: "Emails and SMS sent, by channel and priority");

    public static readonly Counter<long> MessagesFailed = Meter.CreateCounter<long>("sipp.messages.failed", description: "Failed sending attempts, by channel");

    public static readonly Histogram<double> MessageQueueAge = Meter.CreateHistogram<double>(
        "sipp.messages.queue_age", unit: "s", description: "Time from queueing to sending, by priority");
}
