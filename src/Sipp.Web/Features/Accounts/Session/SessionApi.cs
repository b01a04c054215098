using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Session;

/// <summary>
/// The session clock for the page: GET /akun/sesi tells how many seconds are left without extending the session;
/// POST /akun/tetap-masuk ("Tetap Masuk") extends it.
/// </summary>
public static class SessionApi
{
    public static void MapSessionApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(AuthenticationSetup.SessionStatusPath, async (HttpContext context, TimeProvider clock) =>
            {
                var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
                var expires = result.Properties?.ExpiresUtc;
                // Rounded up: "0 seconds left" must only ever be said of a session that is really over.
                var remaining = result.Succeeded && expires is { } e ? Math.Max(0, (int)Math.Ceiling((e - clock.GetUtcNow()).TotalSeconds)) : 0;
                return TypedResults.Ok(new SessionStatus(result.Succeeded, remaining));
            })
            .AllowAnonymous();

        // The cookie handler renews the session on this authenticated request. Not a form, so the antiforgery token
        // (sent in the RequestVerificationToken header) is checked here.
        routes.MapPost("/akun/tetap-masuk", async Task<Results<Ok<SessionStatus>, BadRequest>> (HttpContext context, IAntiforgery antiforgery, IOptions<SecurityOptions> security) =>
                await antiforgery.IsRequestValidAsync(context)
                    ? TypedResults.Ok(new SessionStatus(true, (int)security.Value.IdleTimeout.TotalSeconds))
                    : TypedResults.BadRequest())
            .RequireAuthorization(Policies.SignedIn);
    }
}

/// <param name="Aktif">Whether the session is still valid.</param>
/// <param name="SisaDetik">Seconds until the idle logout.</param>
public sealed record SessionStatus(bool Aktif, int SisaDetik);
