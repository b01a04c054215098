using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.Users;

/// <summary>
/// "Pengguna": the Admin of the current division changes the roles of its other users and deactivates or reactivates
/// them; never their own (another Admin must).
/// </summary>
public sealed class MembershipAdministration(SippDbContext db, AuditLog audit)
{
    public async Task<Result<string>> ChangeRoleAsync(Guid adminUserId, Guid membershipId, MembershipRole role, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(role))
        {
            return Refusal.Of(Wording.Of("Peran tidak dikenal."));
        }

        var found = await FindOtherAsync(adminUserId, membershipId, cancellationToken);
        if (found.Refusal is not null)
        {
            return found.Refusal;
        }

        var membership = found.Value!;
        var before = membership.Role;
        membership.Role = role;
        audit.Record("keanggotaan.ubahPeran", "Keanggotaan", membership.Id.ToString(), membership.DivisionId,
            before: new { peran = before.ToString() }, after: new { peran = role.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of("Peran pengguna sudah diubah.");
    }

    public async Task<Result<string>> SetActiveAsync(Guid adminUserId, Guid membershipId, bool active, CancellationToken cancellationToken)
    {
        var found = await FindOtherAsync(adminUserId, membershipId, cancellationToken);
        if (found.Refusal is not null)
        {
            return found.Refusal;
        }

        var membership = found.Value!;
        membership.IsActive = active;
        audit.Record(active ? "keanggotaan.aktif" : "keanggotaan.nonaktif", "Keanggotaan", membership.Id.ToString(), membership.DivisionId,
            before: new { aktif = !active }, after: new { aktif = active });
        await db.SaveChangesAsync(cancellationToken);
        return active ? Wording.Of("Pengguna sudah diaktifkan kembali.") : Wording.Of("Pengguna sudah dinonaktifkan untuk divisi ini.");
    }

    /// <summary>A membership of the current division other than the Admin's own; anything else is refused.</summary>
    private async Task<Result<Membership>> FindOtherAsync(Guid adminUserId, Guid membershipId, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        if (membership is null)
        {
            return Refusal.Of(Wording.Of("Pengguna tidak ditemukan di divisi ini."), RefusalKind.NotFound);
        }

        return membership.UserId == adminUserId
            ? Refusal.Of(Wording.Of("Anda tidak dapat mengubah peran atau status Anda sendiri; minta Admin lain melakukannya."), RefusalKind.Forbidden)
            : membership;
    }
}
