using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sipp.PayrollSample;

/// <summary>
/// The payroll system's webhook endpoint: accepts a delivery only when <c>Sipp-Webhook-Signature</c> is "v1=" and the hex
/// HMAC-SHA256 of "{Sipp-Webhook-Timestamp}.{body}" with the webhook secret, the timestamp is within five minutes, and
/// the delivery id was not seen before (a replay); anything else gets 401 and is ignored.
/// </summary>
public sealed class WebhookListener : IDisposable
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly HttpListener _listener = new();
    private readonly byte[] _secret;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new();
    private readonly Channel _events = new();
    private readonly Func<DateTimeOffset> _now;

    public WebhookListener(Uri prefix, string secret, Func<DateTimeOffset>? now = null)
    {
        _secret = Encoding.UTF8.GetBytes(secret);
        _now = now ?? (() => DateTimeOffset.UtcNow);
        _listener.Prefixes.Add(prefix.ToString().EndsWith('/') ? prefix.ToString() : prefix + "/");
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    /// <summary>Waits for an accepted event of <paramref name="type"/> whose data satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var received = await _events.ReadAsync(cancellationToken);
            if (received.GetProperty("jenis").GetString() == type && match(received.GetProperty("data")))
            {
                return received;
            }
        }
    }

    /// <summary>Whether a delivery is genuine and new (public so that a receiver in another language can be checked against it).</summary>
    public bool Accept(string? id, string? timestamp, string? signature, string body)
    {
        if (id is null || signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((_now() - sentAt).Duration() > Tolerance)
        {
            return false;
        }

        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(timestamp + "." + body)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            return false;
        }

        foreach (var old in _seen.Where(s => _now() - s.Value > Tolerance * 2).Select(s => s.Key).ToList())
        {
            _seen.TryRemove(old, out _);
        }

        return _seen.TryAdd(id + "@" + timestamp, sentAt);
    }

    public void Dispose() => _listener.Close();

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = context.Request.Headers;
            var accepted = Accept(request["Sipp-Webhook-Id"], request["Sipp-Webhook-Timestamp"], request["Sipp-Webhook-Signature"], body);
            context.Response.StatusCode = accepted ? 204 : 401;
            context.Response.Close();
            if (accepted)
            {
                using var document = JsonDocument.Parse(body);
                _events.Write(document.RootElement.Clone());
            }
        }
    }

    /// <summary>Accepted events in arrival order.</summary>
    private sealed class Channel
    {
        private readonly System.Threading.Channels.Channel<JsonElement> _channel = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();

        public void Write(JsonElement item) => _channel.Writer.TryWrite(item);

        public ValueTask<JsonElement> ReadAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAsync(cancellationToken);
    }
}
