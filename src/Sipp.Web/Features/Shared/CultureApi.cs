using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Microsoft.AspNetCore.Mvc;

namespace Sipp.Web.Features.Shared;

/// <summary>POST /bahasa: switches between Bahasa Indonesia (default) and English, remembered in a cookie and, when signed in, with the account.</summary>
public static class CultureApi
{
    public static readonly string[] Supported = ["id-ID", "en-US"];

    public static void MapCultureSwitch(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/bahasa", async ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context, SippDbContext db) =>
            {
                var chosen = Supported.Contains(culture) ? culture! : Supported[0];
                // Kept with the account too, so that reminders and emails written when the person is away use it.
                if (Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                {
                    await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, chosen[..2]));
                }

                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });
                if (string.IsNullOrEmpty(returnUrl))
                {
                    return Results.LocalRedirect("/");
                }

                // Only a path of this site: not another host ("//x", "/\\x"), no control characters (LocalRedirect would throw).
                return returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                    && !returnUrl.Any(char.IsControl)
                    ? Results.LocalRedirect(returnUrl)
                    : Results.BadRequest();
            })
            .AllowAnonymous();
}
