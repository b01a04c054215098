using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>A division a user may act in, and as what: through their own membership, or through a bureau's grant.</summary>
public sealed class DivisionRight
{
    public Guid DivisionId { get; init; }

    public required string Npp { get; init; }

    public required string DivisionCode { get; init; }

    public required string DivisionName { get; init; }

    public Guid CompanyId { get; init; }

    public required string CompanyName { get; init; }

    public MembershipRole Role { get; init; }

    /// <summary>The bureau whose grant gives the right, or null for the user's own membership.</summary>
    public string? BureauName { get; init; }

    public DateOnly? EndsOn { get; init; }
}

/// <summary>
/// The one statement of where a user may act (ADR 0023): an active membership of their own, or an accepted grant,
/// not past its end date, to a bureau of which they are active staff. <c>CurrentCompany</c> (every request),
/// Pilih Perusahaan, the combined month and the bureau's portfolio all ask here, so a revoked or ended grant stops
/// working everywhere at the next request. A membership comes before a grant to the same division.
/// </summary>
public sealed class DivisionAccess(SippDbContext db, TimeProvider clock)
{
    public IQueryable<DivisionRight> Memberships(Guid userId) =>
        db.Memberships.AsNoTracking().AcrossDivisions()
            .Where(m => m.UserId == userId && m.IsActive && m.User.IsActive)
            .Select(m => new DivisionRight
            {
                DivisionId = m.DivisionId, Npp = m.Division.Company.Npp, DivisionCode = m.Division.Code, DivisionName = m.Division.Name,
                CompanyId = m.Division.CompanyId, CompanyName = m.Division.Company.Name, Role = m.Role, BureauName = null, EndsOn = null,
            });

    public IQueryable<DivisionRight> Grants(Guid userId)
    {
        var today = clock.JakartaToday();
        return db.BureauGrants.AsNoTracking().AcrossDivisions()
            .Where(g => g.Status == BureauGrantStatus.Aktif && g.EndsOn >= today
                && g.Bureau.Staff.Any(s => s.UserId == userId && s.IsActive && s.User.IsActive))
            .Select(g => new DivisionRight
            {
                DivisionId = g.DivisionId, Npp = g.Division.Company.Npp, DivisionCode = g.Division.Code, DivisionName = g.Division.Name,
                CompanyId = g.Division.CompanyId, CompanyName = g.Division.Company.Name, Role = g.Role, BureauName = g.Bureau.Name, EndsOn = g.EndsOn,
            });
    }

    /// <summary>
    /// The divisions of the Admin's current company where they are an active Admin themselves: what they may give a
    /// payroll system (Akses API) or a bureau (Akses Biro), and whose grants they see.
    /// </summary>
    public IQueryable<Sipp.Data.Companies.Division> AdministeredBy(CompanyContext admin) =>
        db.Divisions.Where(d => d.CompanyId == admin.CompanyId
            && db.Memberships.AcrossDivisions().Any(m => m.DivisionId == d.Id && m.UserId == admin.UserId && m.IsActive && m.User.IsActive && m.Role == MembershipRole.Admin));

    /// <summary>Every right of the user matching <paramref name="where"/>, one per division (the membership first).</summary>
    public async Task<List<DivisionRight>> ListAsync(Guid userId, System.Linq.Expressions.Expression<Func<DivisionRight, bool>> where, CancellationToken cancellationToken)
    {
        var own = await Memberships(userId).Where(where).ToListAsync(cancellationToken);
        var granted = await Grants(userId).Where(where).ToListAsync(cancellationToken);
        var ownIds = own.Select(r => r.DivisionId).ToHashSet();
        return own.Concat(granted.Where(g => ownIds.Add(g.DivisionId)))
            .OrderBy(r => r.Npp, StringComparer.Ordinal).ThenBy(r => r.DivisionCode, StringComparer.Ordinal).ToList();
    }

    public async Task<DivisionRight?> FindAsync(Guid userId, Guid divisionId, CancellationToken cancellationToken) =>
        await Memberships(userId).FirstOrDefaultAsync(r => r.DivisionId == divisionId, cancellationToken)
        ?? await Grants(userId).FirstOrDefaultAsync(r => r.DivisionId == divisionId, cancellationToken);
}
