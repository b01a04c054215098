namespace Sipp.Domain.Workers;

public enum EmploymentStatus
{
    MenungguVerifikasi = 1,
    Aktif = 2,
    Ditolak = 3,
    NonAktif = 4,
}

public enum EmploymentType
{
    /// <summary>Perjanjian Kerja Waktu Tertentu (fixed term).</summary>
    Pkwt = 1,

    /// <summary>Perjanjian Kerja Waktu Tidak Tertentu (permanent).</summary>
    Pkwtt = 2,
}

public enum EndReason
{
    MengundurkanDiri = 1,
    Phk = 2,
    MeninggalDunia = 3,
    Pensiun = 4,
    KontrakBerakhir = 5,
    MutasiKePerusahaanLain = 6,
    Lainnya = 7,
}
