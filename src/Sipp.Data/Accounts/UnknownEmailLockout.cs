namespace Sipp.Data.Accounts;

/// <summary>
/// Failed logins of an email that has no account, counted like Identity counts a real account's (in the database, so
/// every node counts the same), so that the lockout never tells whether an email is registered.
/// </summary>
public class UnknownEmailLockout
{
    public required string NormalizedEmail { get; set; }

    public int Failures { get; set; }

    public DateTime? LockedUntil { get; set; }
}
