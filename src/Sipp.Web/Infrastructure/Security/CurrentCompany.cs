using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// The company division the signed-in user acts in, read once per request from the session claim and checked
/// against an active membership in the database (a revoked membership stops working at the next request).
/// </summary>
public sealed class CurrentCompany(IHttpContextAccessor http, SippDbContext db)
{
    public const string DivisionClaim = "sipp:divisi";

    private CompanyContext? _context;
    private bool _loaded;

    public async Task<CompanyContext?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return _context;
        }

        _loaded = true;
        var user = http.HttpContext?.User;
        if (!Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(user?.FindFirstValue(DivisionClaim), out var divisionId))
        {
            return null;
        }

        // The user's own membership names the division; only then is the context scoped to it.
        _context = await db.Memberships.AsNoTracking().AcrossDivisions()
            .Where(m => m.UserId == userId && m.DivisionId == divisionId && m.IsActive && m.User.IsActive)
            .Select(m => new CompanyContext(
                m.UserId, m.Id, m.DivisionId, m.Division.Code, m.Division.Name, m.Division.CompanyId, m.Division.Company.Npp,
                m.Division.Company.Name, m.Role))
            .SingleOrDefaultAsync(cancellationToken);
        if (_context is not null)
        {
            db.ScopeTo(_context.DivisionId);
        }

        return _context;
    }

    /// <summary>The current company, or an exception when a page that requires one is reached without it.</summary>
    public async Task<CompanyContext> RequireAsync(CancellationToken cancellationToken = default) =>
        await GetAsync(cancellationToken) ?? throw new InvalidOperationException("Tidak ada perusahaan yang dipilih.");
}

public sealed record CompanyContext(
    Guid UserId, Guid MembershipId, Guid DivisionId, string DivisionCode, string DivisionName, Guid CompanyId, string Npp, string CompanyName, MembershipRole Role)
{
    public bool IsAdmin => CompanyRoles.May(Role, Policies.CompanyAdmin);

    public bool CanOperate => CompanyRoles.May(Role, Policies.CompanyOperator);
}
