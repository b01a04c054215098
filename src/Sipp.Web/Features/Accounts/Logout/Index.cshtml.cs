using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sipp.Web.Features.Accounts.Logout;

/// <summary>"Keluar": ends the session at once (POST only, with the antiforgery token).</summary>
[AllowAnonymous]
public sealed class IndexModel(SessionEnd sessionEnd) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Accounts/Login/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sessionEnd.EndAsync(User, cancellationToken);
        // A shared office PC: the browser drops what it kept of Sipp's pages and any stored form data.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return RedirectToPage("/Accounts/Login/Index", new { Status = "keluar" });
    }
}
