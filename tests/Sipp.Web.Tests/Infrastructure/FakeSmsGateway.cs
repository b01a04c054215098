using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>An SMS gateway on loopback over real HTTP (Kestrel) that records what it is asked to send.</summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSmsGateway(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Authorization, JsonElement Body)> Received { get; } = new();

    /// <summary>The status the gateway answers with (200 unless a test breaks it).</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public Uri SendUrl => new(_app.Urls.First() + "/kirim");

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var gateway = new FakeSmsGateway(app);
        app.MapPost("/kirim", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            gateway.Received.Enqueue((request.Headers.Authorization.ToString(), body.RootElement.Clone()));
            return Results.StatusCode((int)gateway.Answer);
        });
        await app.StartAsync();
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
