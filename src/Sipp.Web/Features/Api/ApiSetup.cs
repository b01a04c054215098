using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Sipp.Data;

namespace Sipp.Web.Features.Api;

/// <summary>
/// The payroll API's security (ADR 0021): OAuth 2.0 client credentials through OpenIddict, its applications in Sipp's
/// database; tokens protected by the Data Protection key ring every node shares, so any node validates any token; one
/// policy per scope; the calling client checked again on every call (<see cref="ApiCaller"/>).
/// </summary>
public static class ApiSetup
{
    public const string TokenPath = "/connect/token";

    /// <summary>Short-lived: a revoked or expired client is refused at its next call anyway, the token lifetime bounds the rest.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddPayrollApi(this IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<SippDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris(TokenPath);
                options.AllowClientCredentialsFlow();
                options.RegisterScopes([.. ApiScopes.All.Select(s => s.Scope)]);
                options.SetAccessTokenLifetime(TokenLifetime);
                // Tokens are Data Protection payloads (the shared key ring); OpenIddict still asks for keys of its own,
                // which protect nothing here, so a random symmetric encryption key and an ephemeral signing key per node do.
                options.UseDataProtection();
                options.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))).AddEphemeralSigningKey();
                // Nothing to look up per token: the client is checked on every call instead.
                options.DisableTokenStorage();
                options.DisableAuthorizationStorage();
                // HTTPS is Sipp's own transport rule for every path (TransportSecurity), proxies included.
                options.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseDataProtection();
                options.UseAspNetCore();
            });

        var authorization = services.AddAuthorizationBuilder().AddPolicy(ApiScopes.AnyPolicy, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        foreach (var (scope, _) in ApiScopes.All)
        {
            authorization.AddPolicy(ApiScopes.Policy(scope), policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScope(scope)));
        }

        services.AddPayrollApiDocument();
        services.AddScoped<ApiCaller>();
        services.AddSingleton<ApiRateLimiter>();
        services.AddScoped<ClientAccess.ApiClientAdministration>();
        services.AddScoped<Webhooks.WebhookEvents>();
        services.AddScoped<Webhooks.WebhookSubscriptions>();
        services.AddScoped<Workers.ReportWages.WageReport>();
        return services;
    }
}
