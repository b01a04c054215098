using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.Activate;

/// <summary>
/// The activation link: single-use, valid 24 hours. Using it activates the account and its memberships — as Admin
/// when the division has no active user yet, otherwise as Pemantau.
/// </summary>
public sealed class AccountActivation(UserManager<AppUser> users, SippDbContext db, AuditLog audit)
{
    public async Task<Refusal?> ActivateAsync(Guid userId, string? token, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || string.IsNullOrEmpty(token))
        {
            return Refusal.Of(Wording.Of("Tautan aktivasi tidak valid."), RefusalKind.NotFound);
        }

        if (user.EmailConfirmed)
        {
            return Refusal.Of(Wording.Of("Tautan aktivasi ini sudah digunakan. Akun Anda sudah aktif; silakan masuk."), RefusalKind.Conflict);
        }

        var confirmed = await users.ConfirmEmailAsync(user, token);
        if (!confirmed.Succeeded)
        {
            return Refusal.Of(Wording.Of("Tautan aktivasi tidak valid atau sudah kedaluwarsa (berlaku 24 jam). Silakan daftar ulang."), RefusalKind.Unprocessable);
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
        return null;
    }
}
