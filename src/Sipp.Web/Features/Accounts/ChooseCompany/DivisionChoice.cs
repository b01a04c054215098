using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.ChooseCompany;

/// <summary>"Pilih Perusahaan": choosing a division puts it in the session — only one <see cref="DivisionAccess"/> allows.</summary>
public sealed class DivisionChoice(SippDbContext db, DivisionAccess access, UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit)
{
    public async Task<Refusal?> ChooseAsync(ClaimsPrincipal principal, Guid divisionId, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Refusal.Of(Wording.Of("Silakan masuk kembali."), RefusalKind.Unauthenticated);
        }

        // Only a division the user is an active member of, or one granted to their bureau: any other id is refused, whatever its origin.
        if (await access.FindAsync(user.Id, divisionId, cancellationToken) is not { } right)
        {
            return Refusal.Of(Wording.Of("Anda bukan pengguna aktif divisi ini."), RefusalKind.Forbidden);
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(CurrentCompany.DivisionClaim, divisionId.ToString())]);
        user.LastDivisionId = divisionId; // saved with the audit entry below (the user is tracked by this context)
        audit.Record("perusahaan.pilih", "Divisi", divisionId.ToString(), divisionId, actorUserId: user.Id, actorName: right.BureauName is { } bureau ? $"{user.Email} ({Sipp.Data.Bureaus.Bureau.Label(bureau)})" : user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
