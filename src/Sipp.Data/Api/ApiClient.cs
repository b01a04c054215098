namespace Sipp.Data.Api;

/// <summary>
/// A payroll system's access to chosen divisions of one company, created by a company Admin on "Akses API". Its OAuth
/// identity (client id, hashed secret, permitted scopes) is OpenIddict's application of the same <see cref="ClientId"/>;
/// what Sipp decides with it — whose it is, which divisions, until when, revoked or not — is here, checked on every call.
/// </summary>
public class ApiClient
{
    public Guid Id { get; set; }

    /// <summary>The OAuth client_id ("sipp-" and random characters), shown to the Admin.</summary>
    public required string ClientId { get; set; }

    public required string Name { get; set; }

    public Guid CompanyId { get; set; }

    /// <summary>The scopes granted, separated by spaces (<c>pekerja:baca pekerja:tulis …</c>).</summary>
    public required string Scopes { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid CreatedByUserId { get; set; }

    /// <summary>The creator's name when the client was made: every action through the API is audited as the client and them.</summary>
    public required string CreatedByName { get; set; }

    /// <summary>After this instant no token is issued and no call is served.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public Guid? RevokedByUserId { get; set; }

    /// <summary>The last call served, kept to the minute (not written on every call).</summary>
    public DateTime? LastUsedAt { get; set; }

    public List<ApiClientDivision> Divisions { get; set; } = [];

    public bool IsUsableAt(DateTime now) => RevokedAt is null && now < ExpiresAt;
}

/// <summary>A division an API client may use; scoped to its division like every other division row.</summary>
public class ApiClientDivision
{
    public Guid ApiClientId { get; set; }

    public ApiClient ApiClient { get; set; } = null!;

    public Guid DivisionId { get; set; }
}

/// <summary>
/// A POST or PUT an API client sent with an <c>Idempotency-Key</c>: the first request's hash and, once done, its answer,
/// replayed to a repeat of the same request for 24 hours. One row per client and key (unique), so concurrent repeats
/// yield one effect.
/// </summary>
public class ApiIdempotency
{
    public Guid Id { get; set; }

    public Guid ApiClientId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path, query and body, hex.</summary>
    public required string RequestHash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Null while the first request runs.</summary>
    public DateTime? CompletedAt { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public byte[]? Body { get; set; }
}
