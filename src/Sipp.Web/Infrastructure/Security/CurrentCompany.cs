using System.Security.Claims;
using Sipp.Data;
using Sipp.Data.Accounts;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// The company division the signed-in user acts in, read once per request from the session claim and checked
/// against <see cref="DivisionAccess"/> in the database: an active membership, or a live bureau grant (a revoked
/// membership or grant stops working at the next request).
/// </summary>
public sealed class CurrentCompany(IHttpContextAccessor http, SippDbContext db, DivisionAccess access)
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
        return Guid.TryParse(http.HttpContext?.User.FindFirstValue(DivisionClaim), out var divisionId) ? await EstablishAsync(divisionId, cancellationToken) : null;
    }

    /// <summary>
    /// For a request that acts in several divisions at once (Hitung Iuran for several): in a scope of its own per
    /// division, the signed-in user's right there, checked exactly like the session's division, and the scope's context
    /// scoped to it — so the handler and its audit run as they would on that division's own page.
    /// </summary>
    public async Task<CompanyContext?> ForDivisionAsync(Guid divisionId, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            throw new InvalidOperationException("Perusahaan sudah ditetapkan untuk lingkup ini.");
        }

        _loaded = true;
        return await EstablishAsync(divisionId, cancellationToken);
    }

    private async Task<CompanyContext?> EstablishAsync(Guid divisionId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        // The user's own membership, or their bureau's live grant, names the division; only then is the context scoped to it.
        _context = await access.FindAsync(userId, divisionId, cancellationToken) is { } right
            ? new CompanyContext(userId, right.DivisionId, right.DivisionCode, right.DivisionName, right.CompanyId, right.Npp, right.CompanyName, right.Role, right.BureauName)
            : null;
        if (_context is not null)
        {
            db.ScopeTo(_context.DivisionId);
        }

        return _context;
    }

    /// <summary>The context already read in this request, without reading it: for the audit's actor name.</summary>
    public CompanyContext? Loaded => _context;

    /// <summary>The current company, or an exception when a page that requires one is reached without it.</summary>
    public async Task<CompanyContext> RequireAsync(CancellationToken cancellationToken = default) =>
        await GetAsync(cancellationToken) ?? throw new InvalidOperationException("Tidak ada perusahaan yang dipilih.");
}

/// <param name="BureauName">The bureau through whose grant the user acts here, or null for their own membership.</param>
public sealed record CompanyContext(
    Guid UserId, Guid DivisionId, string DivisionCode, string DivisionName, Guid CompanyId, string Npp, string CompanyName, MembershipRole Role, string? BureauName = null)
{
    public bool IsApprover => CompanyRoles.May(Role, Policies.CompanyApprover);


    public bool IsAdmin => CompanyRoles.May(Role, Policies.CompanyAdmin);

    public bool CanOperate => CompanyRoles.May(Role, Policies.CompanyOperator);
}
