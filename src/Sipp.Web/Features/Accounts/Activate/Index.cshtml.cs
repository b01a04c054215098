using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Activate;

/// <summary>
/// The activation link: single-use, valid 24 hours. Opening it activates the account and its membership — as Admin
/// when the division has no active user yet, otherwise as Pemantau — and leads to "Masuk".
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class IndexModel(UserManager<AppUser> users, SippDbContext db, AuditLog audit) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid u, string? t, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(u.ToString());
        if (user is null || string.IsNullOrEmpty(t))
        {
            Problem = "Tautan aktivasi tidak valid.";
            return Page();
        }

        if (user.EmailConfirmed)
        {
            Problem = "Tautan aktivasi ini sudah digunakan. Akun Anda sudah aktif; silakan masuk.";
            return Page();
        }

        var confirmed = await users.ConfirmEmailAsync(user, t);
        if (!confirmed.Succeeded)
        {
            Problem = "Tautan aktivasi tidak valid atau sudah kedaluwarsa (berlaku 24 jam). Silakan daftar ulang.";
            return Page();
        }

        // The new user's own memberships, and whether each division already has users: before any division is chosen.
        var memberships = await db.Memberships.AcrossDivisions().Where(m => m.UserId == user.Id && !m.IsActive).ToListAsync(cancellationToken);
        foreach (var membership in memberships)
        {
            var divisionHasUsers = await db.Memberships.AcrossDivisions().AnyAsync(m => m.DivisionId == membership.DivisionId && m.IsActive && m.Id != membership.Id, cancellationToken);
            membership.Role = divisionHasUsers ? MembershipRole.Pemantau : MembershipRole.Admin;
            membership.IsActive = true;
            audit.Record("keanggotaan.aktif", "Keanggotaan", membership.Id.ToString(), membership.DivisionId, actorUserId: user.Id, actorName: user.Email,
                after: new { peran = membership.Role.ToString() });
        }

        audit.Record("akun.aktivasi", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Accounts/Login/Index", new { Status = "aktif" });
    }
}
