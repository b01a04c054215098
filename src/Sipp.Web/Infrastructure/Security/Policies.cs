namespace Sipp.Web.Infrastructure.Security;

/// <summary>The named authorization policies. Every page and endpoint names one, or allows anonymous access explicitly.</summary>
public static class Policies
{
    /// <summary>Signed in (OTP done), with or without a company chosen.</summary>
    public const string SignedIn = "Masuk";

    /// <summary>Any role in the current company division (Admin, Operator, Pemantau, Penyetuju).</summary>
    public const string CompanyMember = "Perusahaan.Pemantau";

    /// <summary>Admin or Operator of the current company division.</summary>
    public const string CompanyOperator = "Perusahaan.Operator";

    /// <summary>Admin or Penyetuju of the current company division: approves the finalisations others ask for.</summary>
    public const string CompanyApprover = "Perusahaan.Penyetuju";

    /// <summary>Admin of the current company division.</summary>
    public const string CompanyAdmin = "Perusahaan.Admin";

    public const string Officer = "Petugas";

    public const string Administrator = "Administrator";
}
