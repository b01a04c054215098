using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Sipp.Data;
using Sipp.Data.Api;
using Sipp.Domain;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sipp.Web.Features.Api.ClientAccess;

/// <summary>The "Akses API" form as typed: the client's name, scopes, divisions (ids) and end date (dd/mm/yyyy).</summary>
public sealed record NewApiClient(string? Name, IReadOnlyList<string> Scopes, IReadOnlyList<Guid> Divisions, string? ExpiresOn);

/// <summary>A client just made: its id and its secret, shown once and never stored in the clear.</summary>
public sealed record CreatedApiClient(Guid Id, string ClientId, string Secret);

/// <summary>
/// "Akses API": a company Admin makes a client for divisions where they are Admin, with chosen scopes and an end date,
/// and revokes one (at once: its next call is refused). The OAuth application and Sipp's record are written together.
/// </summary>
public sealed class ApiClientAdministration(SippDbContext db, DivisionAccess access, IOpenIddictApplicationManager applications, AuditLog audit, TimeProvider clock)
{
    /// <summary>The longest an access may run before an Admin renews it.</summary>
    public const int MaxYears = 2;

    public const string NameField = "Nama";
    public const string ScopesField = "Izin";
    public const string DivisionsField = "Divisi";
    public const string ExpiresField = "Berlaku Sampai";

    public async Task<Result<CreatedApiClient>> CreateAsync(CompanyContext admin, NewApiClient input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = string.Join(' ', (input.Name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (name.Length is 0 or > 100)
        {
            errors[NameField] = [Wording.Of("Nama klien wajib diisi, paling banyak 100 karakter (misalnya nama aplikasi penggajian).")];
        }

        var scopes = input.Scopes.Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0 || !scopes.All(ApiScopes.IsKnown))
        {
            errors[ScopesField] = [Wording.Of("Pilih sedikitnya satu izin.")];
        }

        var wanted = input.Divisions.Distinct().ToList();
        var grantable = await access.AdministeredBy(admin).Where(d => wanted.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        if (wanted.Count == 0 || grantable.Count != wanted.Count)
        {
            errors[DivisionsField] = [Wording.Of("Pilih sedikitnya satu divisi tempat Anda menjadi Admin.")];
        }

        var today = clock.JakartaToday();
        if (!TypedDate.TryParse(input.ExpiresOn, out var expiresOn) || expiresOn <= today || expiresOn > today.AddYears(MaxYears))
        {
            errors[ExpiresField] = [Wording.Of($"Berlaku sampai harus tanggal sesudah hari ini, paling lama {MaxYears} tahun lagi (dd/mm/yyyy).")];
        }

        if (errors.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, errors);
        }

        var clientId = "sipp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        // The end of the chosen day in Jakarta (UTC+7).
        var expiresAt = expiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        return await AddAsync(admin, name, scopes, grantable, expiresAt, clientId, secret, cancellationToken);
    }

    /// <summary>Writes a checked client: the OAuth application (its secret hashed) and Sipp's record, together, audited.</summary>
    internal async Task<CreatedApiClient> AddAsync(
        CompanyContext admin, string name, IReadOnlyList<string> scopes, IReadOnlyList<Guid> divisions, DateTime expiresAt, string clientId, string secret,
        CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId, ClientSecret = secret, ClientType = ClientTypes.Confidential, DisplayName = name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Permissions.UnionWith(scopes.Select(s => Permissions.Prefixes.Scope + s));
        var client = new ApiClient
        {
            Id = Guid.NewGuid(), ClientId = clientId, Name = name, CompanyId = admin.CompanyId, Scopes = string.Join(' ', scopes),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByUserId = admin.UserId,
            CreatedByName = await db.Users.Where(u => u.Id == admin.UserId).Select(u => u.FullName).SingleAsync(cancellationToken),
            ExpiresAt = expiresAt,
            Divisions = divisions.Select(d => new ApiClientDivision { DivisionId = d }).ToList(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.CreateAsync(descriptor, cancellationToken); // hashes the secret; saves through the same context
        db.ApiClients.Add(client);
        audit.Record("apiKlien.buat", "KlienApi", client.Id.ToString(), admin.DivisionId,
            after: new { nama = name, clientId, izin = client.Scopes, divisi = divisions.Count, berlakuSampai = TypedDate.Format(JakartaTime.DateOf(expiresAt).AddDays(-1)) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedApiClient(client.Id, clientId, secret);
    }

    /// <summary>Revokes a client given the Admin's current division; its next token request and its next call are refused.</summary>
    public async Task<Result<string>> RevokeAsync(CompanyContext admin, Guid clientId, CancellationToken cancellationToken)
    {
        if (!await db.ApiClientDivisions.AnyAsync(d => d.ApiClientId == clientId, cancellationToken))
        {
            return Refusal.Of(Wording.Of("Klien API tidak ditemukan di divisi ini."), RefusalKind.NotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.ApiClients.Where(c => c.Id == clientId && c.RevokedAt == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedByUserId, admin.UserId), cancellationToken);
        if (revoked == 0)
        {
            return Refusal.Of(Wording.Of("Klien API ini sudah dicabut."), RefusalKind.Conflict);
        }

        audit.Record("apiKlien.cabut", "KlienApi", clientId.ToString(), admin.DivisionId);
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of("Akses API dicabut. Panggilan berikutnya dari klien ini ditolak.");
    }
}
