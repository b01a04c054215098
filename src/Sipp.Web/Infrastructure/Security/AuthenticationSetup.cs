using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>Identity, the session cookie with its sliding idle timeout, the OTP-step cookie and the named policies.</summary>
public static class AuthenticationSetup
{
    /// <summary>A short-lived cookie that carries a login, registration or "Tambah Perusahaan" between its OTP steps.</summary>
    public const string ChallengeScheme = "Sipp.Verifikasi";

    /// <summary>The endpoint the page polls for the remaining session time; it must not extend the session.</summary>
    public const string SessionStatusPath = "/akun/sesi";

    public static IServiceCollection AddSippAuthentication(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.IdleWarning < o.IdleTimeout, "Security:IdleTimeout harus lebih besar dari Security:IdleWarning.")
            .Validate(o => o.Otp.MaxAttempts > 0 && o.Otp.Lifetime > TimeSpan.Zero, "Security:Otp tidak valid.")
            .ValidateOnStart();

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Tokens.EmailConfirmationTokenProvider = StoredTokenProvider.Name;
                options.Tokens.PasswordResetTokenProvider = StoredTokenProvider.Name;
            })
            .AddEntityFrameworkStores<SippDbContext>()
            .AddClaimsPrincipalFactory<SippClaimsFactory>()
            .AddErrorDescriber<IndonesianIdentityErrors>()
            .AddPasswordValidator<SippPasswordValidator>()
            .AddTokenProvider<StoredTokenProvider>(StoredTokenProvider.Name);
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((identity, security) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = security.Value.Lockout.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = security.Value.Lockout.Duration;
        });
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            // A deactivated user or a changed password ends other sessions within a minute.
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var kept in new[] { CurrentCompany.DivisionClaim, ServerSessions.SessionClaim })
                    {
                        if (context.CurrentPrincipal?.FindFirst(kept) is { } claim)
                        {
                            identity.AddClaim(new Claim(kept, claim.Value));
                        }
                    }
                }

                return Task.CompletedTask;
            };
        });

        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>, IHostEnvironment, TimeProvider>((cookie, security, environment, clock) =>
            {
                cookie.TimeProvider = clock; // the session clock is the application's (tests move it)
                cookie.Cookie.Name = "Sipp.Sesi";
                Harden(cookie, environment);
                cookie.LoginPath = "/masuk";
                cookie.LogoutPath = "/keluar";
                cookie.AccessDeniedPath = "/akses-ditolak";
                cookie.ExpireTimeSpan = security.Value.IdleTimeout;
                // The built-in sliding renews only after half the lifetime (logging people out after as little as
                // half the timeout) and on every path; instead every request but the status poll restarts the clock.
                cookie.SlidingExpiration = false;
                cookie.Events.OnSigningIn = ServerSessions.StartAsync;
                cookie.Events.OnSigningOut = ServerSessions.EndAsync;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    if (!await ServerSessions.IsLiveAsync(context))
                    {
                        context.RejectPrincipal();
                        return;
                    }

                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                    context.ShouldRenew = context.Principal is not null
                        && !context.Request.Path.StartsWithSegments(SessionStatusPath, StringComparison.OrdinalIgnoreCase);
                    if (context.ShouldRenew)
                    {
                        // The renewed cookie lasts (expires − issued): state both, since the stamp validator moves "issued".
                        var now = clock.GetUtcNow();
                        context.Properties.IssuedUtc = now;
                        context.Properties.ExpiresUtc = now + security.Value.IdleTimeout;
                    }
                };
                cookie.Events.OnRedirectToLogin = async context =>
                {
                    // A session that ran out while the tab was closed or the PC asleep: the login page says why, as it
                    // does when the page itself saw the time run out (issue 16).
                    if ((await context.HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Failure?.Message == "Ticket expired")
                    {
                        context.RedirectUri = QueryHelpers.AddQueryString(context.RedirectUri, "Status", "habis");
                    }

                    await ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                };
                cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthentication().AddCookie(ChallengeScheme);
        services.AddOptions<CookieAuthenticationOptions>(ChallengeScheme).Configure<IHostEnvironment, TimeProvider>((cookie, environment, clock) =>
        {
            cookie.TimeProvider = clock;
            cookie.Cookie.Name = "Sipp.Verifikasi";
            Harden(cookie, environment);
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.SlidingExpiration = false;
            cookie.LoginPath = "/masuk";
        });

        services.AddHttpContextAccessor();
        services.AddScoped<DivisionAccess>();
        services.AddScoped<CurrentCompany>();
        services.AddScoped<IAuthorizationHandler, CompanyRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ChooseCompanyFirstResultHandler>();
        // No fallback policy: every endpoint names its policy or allows anonymous access (a test enforces it), and an
        // unknown address answers 404 rather than a login redirect.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.CompanyMember, policy => policy.RequireAuthenticatedUser().AddRequirements(new CompanyRoleRequirement([.. CompanyRoles.ByPolicy[Policies.CompanyMember]])))
            .AddPolicy(Policies.CompanyOperator, policy => policy.RequireAuthenticatedUser().AddRequirements(new CompanyRoleRequirement([.. CompanyRoles.ByPolicy[Policies.CompanyOperator]])))
            .AddPolicy(Policies.CompanyApprover, policy => policy.RequireAuthenticatedUser().AddRequirements(new CompanyRoleRequirement([.. CompanyRoles.ByPolicy[Policies.CompanyApprover]])))
            .AddPolicy(Policies.CompanyAdmin, policy => policy.RequireAuthenticatedUser().AddRequirements(new CompanyRoleRequirement([.. CompanyRoles.ByPolicy[Policies.CompanyAdmin]])))
            .AddPolicy(Policies.Officer, policy => policy.RequireRole(SystemRoles.Officer))
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(SystemRoles.Administrator));
        return services;
    }

    /// <summary>Secure (outside Development and tests), HttpOnly, SameSite=Strict.</summary>
    private static void Harden(CookieAuthenticationOptions cookie, IHostEnvironment environment)
    {
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.IsEssential = true;
        cookie.Cookie.SecurePolicy = SecurePolicy(environment);
    }

    /// <summary>Cookies go over HTTPS only, except in Development and tests, which run on plain HTTP.</summary>
    public static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
