namespace Sipp.Web.Infrastructure.Security;

/// <summary>Configuration section "Security".</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Sign out after this long without activity (a sliding server-side session).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The page warns this long before the idle timeout.</summary>
    public TimeSpan IdleWarning { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>However active, a session ends this long after sign-in (an absolute limit kept on the server).</summary>
    public TimeSpan MaxSessionLength { get; set; } = TimeSpan.FromHours(12);

    public OtpOptions Otp { get; set; } = new();

    public LockoutSettings Lockout { get; set; } = new();

    public TimeSpan ActivationLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The public HTTPS port that plain HTTP is redirected to in Production (443 behind a proxy).</summary>
    public int? HttpsPort { get; set; }

    /// <summary>Behind a TLS-terminating proxy: trust its X-Forwarded-* headers.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>IP allow/deny lists (CIDR) per path prefix.</summary>
    public List<IpRule> IpRules { get; set; } = [];
}

public sealed class OtpOptions
{
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 5;

    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int MaxResendsPerHour { get; set; } = 3;

    /// <summary>Codes one phone number (or email) receives in an hour, whatever the challenge or account.</summary>
    public int MaxPerDestinationPerHour { get; set; } = 10;

    /// <summary>Codes one client address may have sent in an hour, counted in the database across nodes.</summary>
    public int MaxPerAddressPerHour { get; set; } = 30;
}

public sealed class LockoutSettings
{
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class ForwardedHeadersSettings
{
    public bool Enabled { get; set; }

    /// <summary>Proxy addresses, e.g. 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR, e.g. 10.0.0.0/8.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public sealed class IpRule
{
    /// <summary>Path prefix the rule guards, e.g. /backoffice.</summary>
    public string PathPrefix { get; set; } = string.Empty;

    /// <summary>When not empty, only these networks (CIDR) may reach the path.</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>These networks (CIDR) may never reach the path.</summary>
    public List<string> Deny { get; set; } = [];
}
