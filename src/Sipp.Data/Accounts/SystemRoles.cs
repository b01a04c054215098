namespace Sipp.Data.Accounts;

/// <summary>Identity roles outside any company.</summary>
public static class SystemRoles
{
    public const string Officer = "Petugas";
    public const string Administrator = "Administrator";
}
