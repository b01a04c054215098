using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>Configuration section "RateLimits": a fixed window per client IP for each named policy.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public WindowLimit Calculator { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>The built-in ASP.NET Core rate limiter, partitioned per client IP; 429 with Retry-After when exceeded.</summary>
public static class RateLimiting
{
    public const string CalculatorPolicy = "kalkulator";

    public static IServiceCollection AddSippRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.Calculator.PermitLimit > 0 && o.Calculator.Window > TimeSpan.Zero, "RateLimits:Calculator harus positif.")
            .ValidateOnStart();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(CalculatorPolicy, context => PerClientIp(context, Limits(context).Calculator));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Limits(context.HttpContext).Calculator.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    title: "Terlalu banyak permintaan.",
                    detail: $"Coba lagi dalam {seconds} detik.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> PerClientIp(HttpContext context, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "tanpa-ip",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });
}
