namespace Sipp.Data.Accounts;

/// <summary>
/// A signed-in session, named by the session cookie. "Keluar" deletes it, so a copy of the cookie replayed afterwards
/// is refused on every node; the cookie itself carries the idle expiry.
/// </summary>
public class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTime CreatedAt { get; set; }
}
