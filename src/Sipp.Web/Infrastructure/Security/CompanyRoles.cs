using Sipp.Data.Accounts;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>What a role of a company division may do, and where a user can see it done.</summary>
/// <param name="Label">The capability as the Pengguna page names it.</param>
/// <param name="Policy">The authorization policy that guards it.</param>
/// <param name="Page">A page of the capability: the roles table's test opens it as each role.</param>
public sealed record Capability(string Label, string Policy, string Page);

/// <summary>
/// The one statement of which company role passes which policy: the policies are built from it
/// (<c>AuthenticationSetup</c>), <see cref="CompanyContext"/> answers from it, and the Pengguna page shows it as the
/// table of what each role may do — so the table cannot say other than what is enforced (<c>RolesTableTests</c> opens
/// every capability's page as every role).
/// </summary>
public static class CompanyRoles
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<MembershipRole>> ByPolicy = new Dictionary<string, IReadOnlyList<MembershipRole>>(StringComparer.Ordinal)
    {
        [Policies.CompanyMember] = [MembershipRole.Admin, MembershipRole.Operator, MembershipRole.Pemantau, MembershipRole.Penyetuju],
        [Policies.CompanyOperator] = [MembershipRole.Admin, MembershipRole.Operator],
        [Policies.CompanyApprover] = [MembershipRole.Admin, MembershipRole.Penyetuju],
        [Policies.CompanyAdmin] = [MembershipRole.Admin],
    };

    /// <summary>Every capability of a company user, in the order the Pengguna page lists them.</summary>
    public static readonly IReadOnlyList<Capability> Capabilities =
    [
        new("Melihat tenaga kerja, iuran, Monitoring Iuran dan laporan", Policies.CompanyMember, "/tenaga-kerja"),
        new("Menambah, mengubah dan menonaktifkan tenaga kerja, mengubah upah", Policies.CompanyOperator, "/tenaga-kerja/tambah"),
        new("Upload file tenaga kerja dan upah", Policies.CompanyOperator, "/tenaga-kerja/upload"),
        new("Menghitung, mengoreksi, memfinalisasi dan membatalkan finalisasi iuran", Policies.CompanyOperator, "/iuran/hitung"),
        new("Menyetujui atau menolak Finalisasi dan Batal Finalisasi yang diminta orang lain", Policies.CompanyApprover, "/iuran/persetujuan"),
        new("Mengelola pengguna dan perannya", Policies.CompanyAdmin, "/pengguna"),
        new("Memberi dan mencabut Akses Biro", Policies.CompanyAdmin, "/pengguna/akses-biro"),
        new("Membuat dan mencabut Akses API dan webhook", Policies.CompanyAdmin, "/pengguna/akses-api"),
        new("Membaca riwayat aktivitas divisi", Policies.CompanyAdmin, "/riwayat-aktivitas"),
    ];

    /// <summary>The roles an Admin may give a bureau: never Admin.</summary>
    public static readonly IReadOnlyList<MembershipRole> BureauRoles = [MembershipRole.Operator, MembershipRole.Pemantau, MembershipRole.Penyetuju];

    public static bool May(MembershipRole role, string policy) => ByPolicy[policy].Contains(role);
}
