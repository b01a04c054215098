using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>A payroll system's webhook endpoint on loopback over real HTTP (Kestrel) that records every delivery.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Delivery> Received { get; } = new();

    /// <summary>The status the receiver answers with (200 unless a test breaks it).</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public string Url => _app.Urls.First() + "/sipp/webhook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/sipp/webhook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            receiver.Received.Enqueue(new Delivery(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), await reader.ReadToEndAsync()));
            return Results.StatusCode((int)receiver.Answer);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Delivery(IReadOnlyDictionary<string, string> Headers, string Body);
}
