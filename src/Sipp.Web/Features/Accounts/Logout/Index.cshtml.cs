using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;

namespace Sipp.Web.Features.Accounts.Logout;

/// <summary>"Keluar": ends the session at once (POST only, with the antiforgery token).</summary>
[AllowAnonymous]
public sealed class IndexModel(SignInManager<AppUser> signIn, SippDbContext db, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Accounts/Login/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            audit.Record("logout", "Pengguna", User.FindFirstValue(ClaimTypes.NameIdentifier));
            await db.SaveChangesAsync(cancellationToken);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Accounts/Login/Index", new { Status = "keluar" });
    }
}
