using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.ChooseCompany;

/// <summary>"Pilih Perusahaan": choosing a division puts it in the session — only one the user is an active member of.</summary>
public sealed class DivisionChoice(SippDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit)
{
    public async Task<Refusal?> ChooseAsync(ClaimsPrincipal principal, Guid divisionId, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Refusal.Of(Wording.Of("Silakan masuk kembali."), RefusalKind.Unauthenticated);
        }

        // Only a division the user is an active member of: any other id is refused, whatever its origin.
        var member = await db.Memberships.AsNoTracking().AcrossDivisions()
            .AnyAsync(m => m.UserId == user.Id && m.DivisionId == divisionId && m.IsActive, cancellationToken);
        if (!member)
        {
            return Refusal.Of(Wording.Of("Anda bukan pengguna aktif divisi ini."), RefusalKind.Forbidden);
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(CurrentCompany.DivisionClaim, divisionId.ToString())]);
        user.LastDivisionId = divisionId; // saved with the audit entry below (the user is tracked by this context)
        audit.Record("perusahaan.pilih", "Divisi", divisionId.ToString(), divisionId, actorUserId: user.Id, actorName: user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
