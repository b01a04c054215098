using System.Globalization;

namespace Sipp.PayrollSample;

/// <summary>Where the portal is, who the sample is, and which month of which division it reports.</summary>
public sealed record SampleOptions(
    Uri Portal, string ClientId, string ClientSecret, string WebhookSecret, Uri WebhookListen, string Division, string Period, string Channel, string Output)
{
    /// <summary>The Development seed's demo client (README, "API Penggajian"): never valid outside Development.</summary>
    public const string DemoClientId = "sipp-demo-penggajian";
    public const string DemoClientSecret = "demo-rahasia-penggajian-2026";
    public const string DemoWebhookSecret = "whsec_demo-rahasia-webhook-2026";

    public const string Usage = """
        Pemakaian: dotnet run --project samples/Sipp.PayrollSample -- [--portal http://localhost:5080] [--divisi 10000001-000]
                   [--periode YYYY-MM] [--channel BNI_VA] [--keluaran laporan] [--webhook http://127.0.0.1:5081/sipp/webhook/]
        Kredensial: SIPP_CLIENT_ID, SIPP_CLIENT_SECRET, SIPP_WEBHOOK_SECRET (tanpa itu: klien demo seed Development).
        """;

    public static SampleOptions? Parse(string[] args, Func<string, string?> environment)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            named[args[i][2..]] = args[i + 1];
        }

        string Value(string name, string fallback) => named.TryGetValue(name, out var value) ? value : fallback;
        var jakarta = DateTime.UtcNow.AddHours(7);
        return new SampleOptions(
            new Uri(Value("portal", "http://localhost:5080")),
            environment("SIPP_CLIENT_ID") ?? DemoClientId,
            environment("SIPP_CLIENT_SECRET") ?? DemoClientSecret,
            environment("SIPP_WEBHOOK_SECRET") ?? DemoWebhookSecret,
            new Uri(Value("webhook", "http://127.0.0.1:5081/sipp/webhook/")),
            Value("divisi", "10000001-000"),
            Value("periode", jakarta.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            Value("channel", "BNI_VA"),
            Value("keluaran", "laporan"));
    }
}
