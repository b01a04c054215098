namespace Sipp.Data.Accounts;

/// <summary>A single-use link token (activation, password reset); only its SHA-256 hash is stored.</summary>
public class AccountToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The Identity purpose, e.g. "EmailConfirmation" or "ResetPassword".</summary>
    public required string Purpose { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
