using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Users;

/// <summary>"Pengguna": the Admin of a company division changes the roles of its users and deactivates them.</summary>
[Authorize(Policy = Policies.CompanyAdmin)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, MembershipAdministration administration) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public CompanyContext Company { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Company = await currentCompany.RequireAsync(cancellationToken);
        Rows = await db.Memberships.AsNoTracking()
            .Where(m => m.IsActive || m.User.EmailConfirmed)
            .OrderBy(m => m.User.FullName)
            .Select(m => new UserRow(m.Id, m.User.FullName, m.User.Email!, m.Role, m.IsActive, m.UserId == Company.UserId))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid membershipId, MembershipRole role, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        return Done(await administration.ChangeRoleAsync(company.UserId, membershipId, role, cancellationToken));
    }

    /// <summary>"Aktifkan" acts at once; "Non Aktifkan" first shows what it does and acts on <paramref name="konfirmasi"/> "ya".</summary>
    public async Task<IActionResult> OnPostActiveAsync(Guid membershipId, bool active, string? konfirmasi, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        if (active || konfirmasi == "ya")
        {
            return Done(await administration.SetActiveAsync(company.UserId, membershipId, active, cancellationToken));
        }

        await OnGetAsync(cancellationToken);
        ConfirmingDeactivation = Rows.FirstOrDefault(r => r.MembershipId == membershipId && r.IsActive && !r.IsSelf);
        return ConfirmingDeactivation is null ? NotFound() : Page();
    }

    /// <summary>The user whose access the Admin is asked to confirm ending.</summary>
    public UserRow? ConfirmingDeactivation { get; private set; }

    private IActionResult Done(Result<string> result)
    {
        switch (result.Refusal)
        {
            case { Kind: RefusalKind.NotFound }:
                return NotFound();
            case { Kind: RefusalKind.Invalid }:
                return BadRequest();
            case { } refusal:
                Message = refusal.Message;
                return RedirectToPage();
            default:
                Message = result.Value;
                return RedirectToPage();
        }
    }
}

public sealed record UserRow(Guid MembershipId, string Name, string Email, MembershipRole Role, bool IsActive, bool IsSelf);
