using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Sipp.Data;
using Sipp.Data.Api;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Api;

/// <summary>
/// The API client behind a call, checked on every call (not only when its token was issued): unknown, revoked or expired
/// clients are refused at once. It then acts as its creator for the audit, named as the client. A division named in the
/// path is served only when the client was granted it; the context is then scoped to it, as a page's is (ADR 0015).
/// </summary>
public sealed class ApiCaller(IHttpContextAccessor http, SippDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private ApiClient? _client;
    private IReadOnlyList<Guid> _divisions = [];

    public ApiClient Client => _client ?? throw new InvalidOperationException("Klien API belum diperiksa.");

    /// <summary>Whether the token's client may still call; records its last use (to the minute).</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User;
        var clientId = user?.GetClaim(OpenIddictConstants.Claims.Subject);
        var now = clock.GetUtcNow().UtcDateTime;
        _client = clientId is null ? null : await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (_client is null || !_client.IsUsableAt(now))
        {
            return false;
        }

        _divisions = await db.ApiClientDivisions.AcrossDivisions().Where(d => d.ApiClientId == _client.Id).Select(d => d.DivisionId).ToListAsync(cancellationToken);
        if (_client.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            var id = _client.Id;
            await db.ApiClients.Where(c => c.Id == id).ExecuteUpdateAsync(c => c.SetProperty(x => x.LastUsedAt, now), cancellationToken);
        }

        // Every write is audited as the client and the person who created it (AuditLog reads these claims).
        user!.AddIdentity(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, _client.CreatedByUserId.ToString()),
            new Claim(SippClaimsFactory.FullNameClaim, string.Format(CultureInfo.InvariantCulture, "{0} (API, dibuat oleh {1})", _client.Name, _client.CreatedByName)),
        ]));
        return true;
    }

    /// <summary>
    /// The division "NPP-kode" (e.g. 10000001-000) when the client was granted it, the context then scoped to it; null
    /// for any other — another company's, a division not granted, or none — alike.
    /// </summary>
    public async Task<ApiDivision?> DivisionAsync(string key, CancellationToken cancellationToken)
    {
        var dash = key.LastIndexOf('-');
        if (dash <= 0 || _divisions.Count == 0)
        {
            return null;
        }

        var (npp, code) = (key[..dash], key[(dash + 1)..]);
        var allowed = _divisions;
        var division = await db.Divisions.AsNoTracking()
            .Where(d => d.Company.Npp == npp && d.Code == code && allowed.Contains(d.Id))
            .Select(d => new ApiDivision(d.Id, d.CompanyId, d.Company.Npp, d.Code, d.Name, d.Company.Name))
            .SingleOrDefaultAsync(cancellationToken);
        if (division is not null)
        {
            db.ScopeTo(division.Id);
        }

        return division;
    }

    /// <summary>The divisions the client was granted, for the list endpoint.</summary>
    public async Task<List<ApiDivision>> DivisionsAsync(CancellationToken cancellationToken)
    {
        var allowed = _divisions;
        return await db.Divisions.AsNoTracking().Where(d => allowed.Contains(d.Id)).OrderBy(d => d.Company.Npp).ThenBy(d => d.Code)
            .Select(d => new ApiDivision(d.Id, d.CompanyId, d.Company.Npp, d.Code, d.Name, d.Company.Name)).ToListAsync(cancellationToken);
    }
}

public sealed record ApiDivision(Guid Id, Guid CompanyId, string Npp, string Code, string Name, string CompanyName)
{
    /// <summary>The division as a page's company context, for the handlers that take one (reports), acting as the client's creator.</summary>
    public CompanyContext AsCompany(ApiClient client) =>
        new(client.CreatedByUserId, Id, Code, Name, CompanyId, Npp, CompanyName, Sipp.Data.Accounts.MembershipRole.Pemantau);

    /// <summary>How the path names it: "NPP-kode".</summary>
    public string Key => $"{Npp}-{Code}";
}
