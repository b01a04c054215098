using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Sipp.Domain;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Api;

/// <summary>
/// "RateLimits:Api" per API client: the same fixed window as the other limits (in Redis when configured, so every node
/// counts together), taken after the client is known — the rate limiter middleware runs before a bearer token is read.
/// </summary>
public sealed class ApiRateLimiter(IOptions<RateLimitOptions> options, SharedRateLimitStore store) : IDisposable
{
    private readonly Lazy<PartitionedRateLimiter<string>> _limiter = new(() =>
        PartitionedRateLimiter.Create<string, string>(client => SharedRateLimits.Window("api:" + client, options.Value.Api, store.Redis)));

    /// <summary>Null when the call may go on; otherwise the 429 answer with Retry-After.</summary>
    public async Task<IResult?> AcquireAsync(string clientId, HttpContext context, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.Value.AcquireAsync(clientId, 1, cancellationToken);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Value.Api.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: Wording.Of("Terlalu banyak permintaan."), detail: Wording.Of($"Coba lagi dalam {seconds} detik."), statusCode: StatusCodes.Status429TooManyRequests);
    }

    public void Dispose()
    {
        if (_limiter.IsValueCreated)
        {
            _limiter.Value.Dispose();
        }
    }
}
