using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// The server's side of the session cookie: each sign-in names a <see cref="UserSession"/> row (the "sid" claim),
/// every request checks it still exists, and signing out deletes it. A copied cookie is then worthless after "Keluar"
/// on any node, and a session never outlives <see cref="SecurityOptions.MaxSessionLength"/>.
/// </summary>
public static class ServerSessions
{
    public const string SessionClaim = "sid";

    /// <summary>On sign-in: keep the session of a signed-in user switching company, otherwise start one.</summary>
    public static async Task StartAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || UserIdOf(context.Principal) is not { } userId)
        {
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<SippDbContext>();
        var current = SessionIdOf(context.HttpContext.User);
        if (current is not { } sessionId || UserIdOf(context.HttpContext.User) != userId
            || !await db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId, context.HttpContext.RequestAborted))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var maxLength = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.MaxSessionLength;
            await db.UserSessions.Where(s => s.UserId == userId && s.CreatedAt < now - maxLength).ExecuteDeleteAsync(context.HttpContext.RequestAborted);
            sessionId = Guid.NewGuid();
            db.UserSessions.Add(new UserSession { Id = sessionId, UserId = userId, CreatedAt = now });
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        }

        foreach (var stale in identity.FindAll(SessionClaim).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaim(new Claim(SessionClaim, sessionId.ToString()));
    }

    /// <summary>On every request: the cookie's session must still exist on the server and be young enough.</summary>
    public static async Task<bool> IsLiveAsync(CookieValidatePrincipalContext context)
    {
        if (SessionIdOf(context.Principal) is not { } sessionId || UserIdOf(context.Principal) is not { } userId)
        {
            return false;
        }

        var services = context.HttpContext.RequestServices;
        var oldest = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - services.GetRequiredService<IOptions<SecurityOptions>>().Value.MaxSessionLength;
        return await services.GetRequiredService<SippDbContext>().UserSessions
            .AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.CreatedAt >= oldest, context.HttpContext.RequestAborted);
    }

    /// <summary>On sign-out ("Keluar"): the session is gone for every copy of the cookie.</summary>
    public static async Task EndAsync(CookieSigningOutContext context)
    {
        if (SessionIdOf(context.HttpContext.User) is { } sessionId)
        {
            await context.HttpContext.RequestServices.GetRequiredService<SippDbContext>().UserSessions
                .Where(s => s.Id == sessionId).ExecuteDeleteAsync(context.HttpContext.RequestAborted);
        }
    }

    /// <summary>Ends every session of a user (password reset, deactivation).</summary>
    public static Task EndAllAsync(SippDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public static Guid? SessionIdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var id) ? id : null;

    private static Guid? UserIdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
