using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// TLS in Production: Kestrel with its own certificate (TLS 1.2+), or a TLS-terminating proxy whose forwarded headers
/// are trusted. Without either, Sipp refuses to start rather than serve logins in clear text.
/// </summary>
public static class TransportSecurity
{
    public static WebApplicationBuilder AddSippTransportSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13));
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            var settings = security.Value.ForwardedHeaders;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<SecurityOptions>>((redirection, security) =>
        {
            redirection.RedirectStatusCode = StatusCodes.Status307TemporaryRedirect;
            redirection.HttpsPort = security.Value.HttpsPort ?? (security.Value.ForwardedHeaders.Enabled ? 443 : null);
        });
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>
    /// Throws when Production would not actually serve HTTPS: neither a trusted TLS-terminating proxy, nor an https
    /// address (urls, https_ports or a Kestrel endpoint) with a certificate Kestrel can load (a file that exists, or a
    /// store subject). A certificate password alone, or a certificate with only http addresses, is not TLS.
    /// </summary>
    public static void EnsureTlsInProduction(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction() || configuration.GetValue<bool>("Security:ForwardedHeaders:Enabled"))
        {
            return;
        }

        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().ToList();
        var httpsEndpoints = endpoints.Where(e => IsHttps(e["Url"])).ToList();
        var httpsUrls = (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(IsHttps)
            || !string.IsNullOrWhiteSpace(configuration["https_ports"]);
        var defaultCertificate = Loadable(configuration.GetSection("Kestrel:Certificates:Default"), environment);
        // Kestrel's endpoints replace the urls setting when there are any.
        var servesHttps = endpoints.Count > 0
            ? httpsEndpoints.Count > 0 && httpsEndpoints.All(e => Loadable(e.GetSection("Certificate"), environment) || defaultCertificate)
            : httpsUrls && defaultCertificate;
        if (!servesHttps)
        {
            throw new InvalidOperationException(
                "Sipp tidak dijalankan di Production tanpa TLS. Layani alamat https (urls, https_ports atau Kestrel:Endpoints:<nama>:Url) dengan " +
                "sertifikat yang ada (Kestrel:Certificates:Default:Path dan :Password, atau :Subject dan :Store), atau aktifkan " +
                "Security:ForwardedHeaders:Enabled di belakang proxy TLS dengan Security:ForwardedHeaders:KnownProxies/KnownNetworks.");
        }
    }

    private static bool IsHttps(string? url) => url?.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;

    private static bool Loadable(IConfigurationSection certificate, IHostEnvironment environment) =>
        certificate["Path"] is { Length: > 0 } path ? File.Exists(Path.GetFullPath(path, environment.ContentRootPath)) : !string.IsNullOrWhiteSpace(certificate["Subject"]);

    public static WebApplication UseSippTransportSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.ForwardedHeaders.Enabled)
        {
            app.UseForwardedHeaders();
        }

        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }
}
