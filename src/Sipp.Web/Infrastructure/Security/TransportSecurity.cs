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

    /// <summary>Throws when Production has neither a Kestrel certificate nor a trusted TLS-terminating proxy.</summary>
    public static void EnsureTlsInProduction(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var forwarded = configuration.GetValue<bool>("Security:ForwardedHeaders:Enabled");
        var defaultCertificate = configuration.GetSection("Kestrel:Certificates:Default").GetChildren().Any();
        var endpointCertificate = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(endpoint => endpoint.GetSection("Certificate").GetChildren().Any());
        if (!forwarded && !defaultCertificate && !endpointCertificate)
        {
            throw new InvalidOperationException(
                "Sipp tidak dijalankan di Production tanpa TLS. Pasang sertifikat Kestrel (Kestrel:Certificates:Default:Path dan :Password, " +
                "atau Kestrel:Endpoints:<nama>:Certificate) atau aktifkan Security:ForwardedHeaders:Enabled di belakang proxy TLS " +
                "dengan Security:ForwardedHeaders:KnownProxies/KnownNetworks.");
        }
    }

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
