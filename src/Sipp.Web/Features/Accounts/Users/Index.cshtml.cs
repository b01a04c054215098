using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Users;

/// <summary>"Pengguna": the Admin of a company division changes the roles of its users and deactivates them.</summary>
[Authorize(Policy = Policies.CompanyAdmin)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, AuditLog audit) : PageModel
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
        var (membership, refusal) = await FindOtherAsync(membershipId, cancellationToken);
        if (membership is null)
        {
            return refusal!;
        }

        if (!Enum.IsDefined(role))
        {
            return BadRequest();
        }

        var before = membership.Role;
        membership.Role = role;
        audit.Record("keanggotaan.ubahPeran", "Keanggotaan", membership.Id.ToString(), membership.DivisionId,
            before: new { peran = before.ToString() }, after: new { peran = role.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        Message = "Peran pengguna sudah diubah.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid membershipId, bool active, CancellationToken cancellationToken)
    {
        var (membership, refusal) = await FindOtherAsync(membershipId, cancellationToken);
        if (membership is null)
        {
            return refusal!;
        }

        membership.IsActive = active;
        audit.Record(active ? "keanggotaan.aktif" : "keanggotaan.nonaktif", "Keanggotaan", membership.Id.ToString(), membership.DivisionId,
            before: new { aktif = !active }, after: new { aktif = active });
        await db.SaveChangesAsync(cancellationToken);
        Message = active ? "Pengguna sudah diaktifkan kembali." : "Pengguna sudah dinonaktifkan untuk divisi ini.";
        return RedirectToPage();
    }

    /// <summary>A membership of the current division other than the Admin's own; anything else is refused.</summary>
    private async Task<(Membership? Membership, IActionResult? Refusal)> FindOtherAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        if (membership is null)
        {
            return (null, NotFound());
        }

        if (membership.UserId == company.UserId)
        {
            Message = "Anda tidak dapat mengubah peran atau status Anda sendiri; minta Admin lain melakukannya.";
            return (null, RedirectToPage());
        }

        return (membership, null);
    }
}

public sealed record UserRow(Guid MembershipId, string Name, string Email, MembershipRole Role, bool IsActive, bool IsSelf);
