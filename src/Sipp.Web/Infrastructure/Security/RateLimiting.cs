using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>Configuration section "RateLimits": a fixed window per client IP for each named policy.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public WindowLimit Calculator { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    public WindowLimit Login { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public WindowLimit Otp { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public WindowLimit Registration { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Login attempts per email, whatever the address they come from.</summary>
    public WindowLimit LoginPerAccount { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(15) };

    /// <summary>The public "Cek Bukti Pembayaran" page.</summary>
    public WindowLimit ReceiptCheck { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Calls of one payroll API client, whatever the address they come from (counted after its token is checked).</summary>
    public WindowLimit Api { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    public IEnumerable<WindowLimit> All => [Calculator, Login, Otp, Registration, LoginPerAccount, ReceiptCheck, Api];
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>The built-in ASP.NET Core rate limiter, partitioned per client IP (global with Redis); 429 with Retry-After when exceeded.</summary>
public static class RateLimiting
{
    public const string CalculatorPolicy = "kalkulator";
    public const string LoginPolicy = "masuk";
    public const string OtpPolicy = "otp";
    public const string RegistrationPolicy = "daftar";
    public const string ReceiptCheckPolicy = "cek-bukti";

    public static IServiceCollection AddSippRateLimiting(this IServiceCollection services)
    {
        services.AddSingleton<SharedRateLimitStore>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.All.All(l => l.PermitLimit > 0 && l.Window > TimeSpan.Zero), "RateLimits: setiap batas harus positif.")
            .ValidateOnStart();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(CalculatorPolicy, context => PerClientIp(CalculatorPolicy, context, Limits(context).Calculator));
            options.AddPolicy(LoginPolicy, context => PerClientIp(LoginPolicy, context, Limits(context).Login));
            options.AddPolicy(OtpPolicy, context => PerClientIp(OtpPolicy, context, Limits(context).Otp));
            options.AddPolicy(RegistrationPolicy, context => PerClientIp(RegistrationPolicy, context, Limits(context).Registration));
            options.AddPolicy(ReceiptCheckPolicy, context => PerClientIp(ReceiptCheckPolicy, context, Limits(context).ReceiptCheck));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    title: Wording.Of("Terlalu banyak permintaan."),
                    detail: Wording.Of($"Coba lagi dalam {seconds} detik."),
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> PerClientIp(string policy, HttpContext context, WindowLimit limit) =>
        SharedRateLimits.Window(
            policy + ":" + (context.Connection.RemoteIpAddress?.ToString() ?? "tanpa-ip"), limit, context.RequestServices.GetRequiredService<SharedRateLimitStore>().Redis);
}

/// <summary>
/// Where limits are counted so that every node sees them: Redis when "Redis:Configuration" is set (one connection per
/// process, opened on first use), none otherwise — the embedded default runs one node and counts in its process.
/// </summary>
public sealed class SharedRateLimitStore(IConfiguration configuration) : IDisposable
{
    private readonly Lazy<IConnectionMultiplexer?> _redis = new(() =>
        configuration[$"{SharedRateLimits.RedisSection}:Configuration"] is { Length: > 0 } redis ? ConnectionMultiplexer.Connect(redis) : null);

    public IConnectionMultiplexer? Redis => _redis.Value;

    public void Dispose()
    {
        if (_redis.IsValueCreated)
        {
            _redis.Value?.Dispose();
        }
    }
}

/// <summary>A fixed window, counted in Redis (RedisRateLimiting, one Lua script per request) or in this process.</summary>
public static class SharedRateLimits
{
    public const string RedisSection = "Redis";

    public static RateLimitPartition<string> Window(string key, WindowLimit limit, IConnectionMultiplexer? redis) =>
        redis is null
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 })
            : RedisRateLimiting.RedisRateLimitPartition.GetFixedWindowRateLimiter(key, _ => new RedisRateLimiting.RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis, PermitLimit = limit.PermitLimit, Window = limit.Window,
            });
}
