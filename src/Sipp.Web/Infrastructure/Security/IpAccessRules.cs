using System.Net;
using Microsoft.Extensions.Options;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// Configurable IP allow/deny lists (CIDR) per path prefix, e.g. for /backoffice and the payment notification.
/// A denied address, or one outside a non-empty allow list, gets 403 before anything else runs.
/// </summary>
public sealed class IpAccessRules(IOptions<SecurityOptions> options)
{
    /// <summary>The metrics endpoint, unless configured otherwise: loopback and private networks (the scraper's), never the internet.</summary>
    public static readonly IpRule MetricsDefault = new()
    {
        PathPrefix = Observability.ObservabilitySetup.MetricsPath,
        Allow = ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
    };

    private readonly (PathString Prefix, IPNetwork[] Allow, IPNetwork[] Deny)[] _rules = options.Value.IpRules
        .Concat(options.Value.IpRules.Any(r => r.PathPrefix == MetricsDefault.PathPrefix) ? [] : [MetricsDefault])
        .Select(r => (new PathString(r.PathPrefix), r.Allow.Select(Parse).ToArray(), r.Deny.Select(Parse).ToArray()))
        .ToArray();

    public bool IsAllowed(PathString path, IPAddress? address)
    {
        var ip = address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
        foreach (var (prefix, allow, deny) in _rules)
        {
            if (!path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (ip is null || deny.Any(n => n.Contains(ip)) || (allow.Length > 0 && !allow.Any(n => n.Contains(ip))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks the configured networks at start-up, so that a typo fails loudly instead of opening a path.</summary>
    public static bool AllValid(SecurityOptions options) =>
        options.IpRules.All(r => r.PathPrefix.StartsWith('/') && r.Allow.Concat(r.Deny).All(n => IPNetwork.TryParse(n, out _)));

    private static IPNetwork Parse(string cidr) => IPNetwork.Parse(cidr);
}

public static class IpAccessRulesMiddleware
{
    public static IApplicationBuilder UseIpAccessRules(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var rules = context.RequestServices.GetRequiredService<IpAccessRules>();
            if (!rules.IsAllowed(context.Request.Path, context.Connection.RemoteIpAddress))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync(Wording.Of("Akses dari alamat IP ini tidak diizinkan."));
                return;
            }

            await next(context);
        });
}
