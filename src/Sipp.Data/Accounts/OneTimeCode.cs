namespace Sipp.Data.Accounts;

/// <summary>
/// A 6-digit one-time password sent by SMS (and by email at login), stored hashed. Valid for a few minutes, a limited
/// number of wrong tries, single-use; a resend replaces it.
/// </summary>
public class OneTimeCode
{
    public Guid Id { get; set; }

    public OtpPurpose Purpose { get; set; }

    /// <summary>The login, registration or "Tambah Perusahaan" request the code belongs to.</summary>
    public Guid ChallengeId { get; set; }

    /// <summary>Whose code it is: the user, or for a registration the pending registration's id.</summary>
    public Guid SubjectId { get; set; }

    public required string CodeHash { get; set; }

    /// <summary>1 for the first code of a challenge, then 2, 3…: unique per challenge, so two sends at once cannot both pass.</summary>
    public int Sequence { get; set; } = 1;

    /// <summary>SHA-256 of where the code went (the phone number, or the email without one), for the per-number limit.</summary>
    public string? DestinationHash { get; set; }

    /// <summary>The address that asked for the code, for the per-address limit.</summary>
    public string? RequestIp { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }

    public DateTime? UsedAt { get; set; }

    /// <summary>Set when too many wrong tries or a newer code replaced it.</summary>
    public DateTime? InvalidatedAt { get; set; }
}

public enum OtpPurpose
{
    Registration = 1,
    Login = 2,
    AddCompany = 3,
}
