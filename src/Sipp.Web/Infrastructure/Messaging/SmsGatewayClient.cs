using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Sipp.Web.Infrastructure.Messaging;

/// <summary>Sends one SMS through the HTTP gateway (a typed HttpClient with the standard resilience handler).</summary>
public sealed class SmsGatewayClient(HttpClient http, IOptions<NotificationOptions> options)
{
    public async Task SendAsync(string to, string message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl ?? throw new InvalidOperationException("Notifications:Sms:GatewayUrl is not set."))
        {
            Content = JsonContent.Create(new { to, message, sender = settings.Sender }),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
