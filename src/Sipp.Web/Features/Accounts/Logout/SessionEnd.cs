using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;

namespace Sipp.Web.Features.Accounts.Logout;

/// <summary>"Keluar": the session ends at once — its server-side row with the cookie — and the trail says so.</summary>
public sealed class SessionEnd(SignInManager<AppUser> signIn, SippDbContext db, AuditLog audit)
{
    public async Task EndAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            audit.Record("logout", "Pengguna", user.FindFirstValue(ClaimTypes.NameIdentifier));
            await db.SaveChangesAsync(cancellationToken);
        }

        await signIn.SignOutAsync();
    }
}
