using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Sipp.Data.Api;
using Sipp.Data.Messaging;
using Sipp.Web.Infrastructure.Messaging;

namespace Sipp.Web.Features.Api.Webhooks;

/// <summary>
/// POSTs a webhook delivery to its subscription's URL, signed: <c>Sipp-Webhook-Signature: v1=</c> hex HMAC-SHA256 of
/// "<c>{timestamp}.{body}</c>" with the subscription's secret, the timestamp (Unix seconds, fresh on every attempt) in
/// <c>Sipp-Webhook-Timestamp</c>, the delivery's id in <c>Sipp-Webhook-Id</c>. A receiver that checks the signature,
/// refuses a timestamp more than 5 minutes away and remembers ids for that long cannot be fooled by a replay. Only a 2xx
/// answer counts as delivered; redirects are not followed.
/// </summary>
public sealed class WebhookSender(HttpClient http, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string SignatureHeader = "Sipp-Webhook-Signature";
    public const string TimestampHeader = "Sipp-Webhook-Timestamp";
    public const string IdHeader = "Sipp-Webhook-Id";
    public const string EventHeader = "Sipp-Webhook-Event";

    /// <summary>The named HttpClient: its handler refuses private addresses unless <see cref="WebhookSettings.AllowLocal"/>.</summary>
    public const string ClientName = "webhooks";

    public IDataProtector SecretProtector { get; } = SecretProtection(protection);

    public static IDataProtector SecretProtection(IDataProtectionProvider protection) => protection.CreateProtector("Sipp.Webhooks.Secret");

    /// <summary>The signature header's value for a body sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, string body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));

    public async Task SendAsync(OutboxMessage delivery, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var secret = SecretProtector.Unprotect(subscription.ProtectedSecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(IdHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(EventHeader, delivery.Subject);
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, Sign(secret, timestamp, delivery.Body));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} dari penerima webhook", null, response.StatusCode);
        }
    }

    /// <summary>The handler of the webhook HttpClient: no redirects, no cookies, and (unless allowed) only public addresses.</summary>
    public static SocketsHttpHandler Handler(WebhookSettings settings) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = settings.Timeout,
        ConnectCallback = async (context, cancellationToken) =>
        {
            // Checked on the address actually connected to, so a name that resolves to a private address (or changes
            // to one after the subscription was checked) is refused too.
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = settings.AllowLocal ? addresses : addresses.Where(IsPublic).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"Alamat {context.DnsEndPoint.Host} ada di jaringan privat; webhook hanya dikirim ke alamat publik.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>Not loopback, private (RFC 1918, RFC 4193), link-local, carrier-grade NAT or unspecified.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
        {
            return false;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return true;
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
    }
}
