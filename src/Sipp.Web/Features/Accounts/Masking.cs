namespace Sipp.Web.Features.Accounts;

/// <summary>Personal data shown only as much as needed.</summary>
public static class Masking
{
    /// <summary>h******@contoh.co.id.</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? email : email[0] + new string('*', Math.Min(at - 1, 6)) + email[at..];
    }
}
