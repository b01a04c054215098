using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.ChooseCompany;

/// <summary>"Pilih Perusahaan": the company divisions of the user; choosing one puts it in the session.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(SippDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<CompanyChoice> Choices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Choices = await ChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid divisionId, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Only a division the user is an active member of: any other id is refused, whatever its origin.
        var membership = await db.Memberships.AsNoTracking().AcrossDivisions()
            .SingleOrDefaultAsync(m => m.UserId == user.Id && m.DivisionId == divisionId && m.IsActive, cancellationToken);
        if (membership is null)
        {
            return Forbid();
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(CurrentCompany.DivisionClaim, divisionId.ToString())]);
        audit.Record("perusahaan.pilih", "Divisi", divisionId.ToString(), divisionId, actorUserId: user.Id, actorName: user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task<IReadOnlyList<CompanyChoice>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var current = User.FindFirstValue(CurrentCompany.DivisionClaim);
        var choices = await db.Memberships.AsNoTracking().AcrossDivisions()
            .Where(m => m.UserId == userId && m.IsActive)
            .Select(m => new CompanyChoice(m.DivisionId, m.Division.Company.Npp, m.Division.Code, m.Division.Name, m.Division.Company.Name, m.Role, false))
            .ToListAsync(cancellationToken);
        return choices.Select(c => c with { IsCurrent = c.DivisionId.ToString() == current })
            .OrderBy(c => c.Npp, StringComparer.Ordinal).ThenBy(c => c.DivisionCode, StringComparer.Ordinal).ToList();
    }
}

public sealed record CompanyChoice(Guid DivisionId, string Npp, string DivisionCode, string DivisionName, string CompanyName, MembershipRole Role, bool IsCurrent);
