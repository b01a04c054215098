using Sipp.Domain.Identifiers;
using Sipp.Domain.People;
using Sipp.Domain.Workers;

namespace Sipp.Web.Features.Workers;

/// <summary>The Indonesian words for worker values, as shown on pages and in files.</summary>
public static class WorkerTexts
{
    public static string Status(EmploymentStatus status) => status switch
    {
        EmploymentStatus.MenungguVerifikasi => "Menunggu Verifikasi",
        EmploymentStatus.Aktif => "Aktif",
        EmploymentStatus.Ditolak => "Ditolak",
        EmploymentStatus.NonAktif => "Non Aktif",
        _ => status.ToString(),
    };

    public static string Reason(EndReason reason) => reason switch
    {
        EndReason.MengundurkanDiri => "Mengundurkan diri",
        EndReason.Phk => "PHK",
        EndReason.MeninggalDunia => "Meninggal dunia",
        EndReason.Pensiun => "Pensiun",
        EndReason.KontrakBerakhir => "Kontrak berakhir",
        EndReason.MutasiKePerusahaanLain => "Mutasi ke perusahaan lain",
        EndReason.Lainnya => "Lainnya",
        _ => reason.ToString(),
    };

    public static string Sex(Sex sex) => sex == Domain.People.Sex.Female ? "Perempuan" : "Laki-laki";

    public static string Marital(MaritalStatus status) => status switch
    {
        MaritalStatus.BelumKawin => "Belum Kawin",
        MaritalStatus.Kawin => "Kawin",
        MaritalStatus.CeraiHidup => "Cerai Hidup",
        MaritalStatus.CeraiMati => "Cerai Mati",
        _ => status.ToString(),
    };

    public static string Type(EmploymentType type) => type == EmploymentType.Pkwt ? "PKWT" : "PKWTT";


    /// <summary>NIK with only its last four digits, or the passport for foreign workers.</summary>
    public static string MaskedId(string? nik, string? passport) =>
        Nik.TryParse(nik, out var parsed, out _) ? parsed.Masked : passport is null ? "—" : "Paspor " + passport[..Math.Min(2, passport.Length)] + "****";
}
