namespace Sipp.Data.Accounts;

/// <summary>The "Daftar" wizard between its steps: nothing becomes an account until the phone is verified.</summary>
public class PendingRegistration
{
    public Guid Id { get; set; }

    public Guid DivisionId { get; set; }

    /// <summary>Normalised email of step 2.</summary>
    public string? Email { get; set; }

    /// <summary>Identity's hash of the password of step 2; the password itself is never kept.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The participant whose KPJ, name and birth date matched in step 3.</summary>
    public Guid? ParticipantId { get; set; }

    /// <summary>+628… of step 3; the OTP goes there.</summary>
    public string? Phone { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? CompletedAt { get; set; }
}
