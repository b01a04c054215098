using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sipp.PayrollSample;

/// <summary>A refusal from Sipp: the RFC 9457 problem's title and its field messages.</summary>
public sealed class SippApiException(string message) : Exception(message);

/// <summary>
/// Sipp's payroll API over plain HttpClient: an OAuth 2.0 client-credentials token (renewed before its 15 minutes
/// run out), JSON in and out, an Idempotency-Key on every write so that a retry after a network failure cannot act twice.
/// </summary>
public sealed class SippApi(HttpClient http, string clientId, string clientSecret) : IDisposable
{
    private string? _token;
    private DateTimeOffset _tokenUntil;

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, cancellationToken);
    }

    public async Task<byte[]> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowIfRefusedAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>A POST or PUT with a fresh Idempotency-Key (kept by the caller when it retries the same write).</summary>
    public async Task<JsonElement> WriteAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await SendAsync(request, cancellationToken);
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowIfRefusedAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null && DateTimeOffset.UtcNow < _tokenUntil)
        {
            return _token;
        }

        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret,
        }), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SippApiException($"token: {body.GetProperty("error").GetString()} — {body.GetProperty("error_description").GetString()}");
        }

        _token = body.GetProperty("access_token").GetString();
        _tokenUntil = DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32() - 60);
        return _token!;
    }

    private static async Task ThrowIfRefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            var fields = root.TryGetProperty("errors", out var errors)
                ? string.Join("; ", errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString()))}"))
                : root.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
            throw new SippApiException($"{(int)response.StatusCode} {root.GetProperty("title").GetString()} {fields}".Trim());
        }
        catch (JsonException)
        {
            throw new SippApiException($"{(int)response.StatusCode} {text}");
        }
    }
}
