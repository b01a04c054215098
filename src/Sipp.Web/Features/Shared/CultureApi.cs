using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Sipp.Web.Features.Shared;

/// <summary>POST /bahasa: switches between Bahasa Indonesia (default) and English, remembered in a cookie.</summary>
public static class CultureApi
{
    public static readonly string[] Supported = ["id-ID", "en-US"];

    public static void MapCultureSwitch(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/bahasa", ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context) =>
            {
                var chosen = Supported.Contains(culture) ? culture! : Supported[0];
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
