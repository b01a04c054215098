using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Sipp.Data;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// One Data Protection key ring for every node (issue 15): kept in the database under one application name, so that a
/// cookie, an antiforgery token or a reset link made on one node is read on any other. Where a certificate is configured
/// ("DataProtection:Certificate" — a PKCS#12 file — with "DataProtection:CertificatePassword"), the keys are encrypted
/// with it at rest; the embedded default keeps them unencrypted in its own database file.
/// </summary>
public static class KeyRingSetup
{
    public const string ApplicationName = "Sipp";

    public static IServiceCollection AddSippKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<SippDbContext>();
        if (configuration["DataProtection:Certificate"] is { Length: > 0 } path)
        {
            keys.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]));
        }

        return services;
    }
}
