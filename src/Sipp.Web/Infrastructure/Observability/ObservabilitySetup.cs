using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Sipp.Web.Infrastructure.Observability;

/// <summary>
/// Traces and metrics through OpenTelemetry (ASP.NET Core, HttpClient, EF Core, Npgsql, the runtime and
/// <see cref="SippMetrics"/>), scraped by Prometheus at <see cref="MetricsPath"/> (reachable from loopback and private
/// networks only unless "Security:IpRules" says otherwise) and sent to an OTLP collector when
/// "OpenTelemetry:OtlpEndpoint" is set. Logs are JSON lines with the trace and span ids ("Logging:Format": "json", the
/// default outside Development), so a log line leads to its trace.
/// </summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddSippObservability(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration["Logging:Format"] is { } format
            ? string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            : !builder.Environment.IsDevelopment();
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (json)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                // Quoted: an unquoted ':' is the culture's time separator, and a request in Indonesian logged "14.31.15".
                options.TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";
            });
        }

        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("sipp", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(options => options.Endpoint = otlp);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(SippMetrics.MeterName, "Npgsql")
                    .AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(options => options.Endpoint = otlp);
                }
            });
        return builder;
    }

    /// <summary>No sign-in: a scraper has none; the IP rules keep it to the private networks (<see cref="Security.IpAccessRules.MetricsDefault"/>).</summary>
    public static void MapSippMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
}
