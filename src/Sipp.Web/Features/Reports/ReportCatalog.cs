namespace Sipp.Web.Features.Reports;

public enum ReportKind
{
    RincianIuran,
    RekapProgram,
    TenagaKerjaBaru,
    TenagaKerjaKeluar,
    DaftarUpah,
    BuktiPembayaran,
    IuranSusulan,
    IuranRapel,
    KelebihanIuran,
}

/// <summary>A report of the "Laporan" menu: its address, its title and what it needs before it can be made.</summary>
public sealed record ReportInfo(ReportKind Kind, string Slug, string Title, string Description, bool NeedsComputation, bool NeedsPayment = false);

public static class ReportCatalog
{
    public static readonly IReadOnlyList<ReportInfo> All =
    [
        new(ReportKind.RincianIuran, "rincian-iuran", "Rincian Iuran per Tenaga Kerja", "Upah dan iuran setiap tenaga kerja per program dan penanggung.", true),
        new(ReportKind.RekapProgram, "rekap-program", "Rekap Iuran per Program", "Jumlah iuran JHT, JKK, JKM dan JP per penanggung; JKP sebagai informasi.", true),
        new(ReportKind.TenagaKerjaBaru, "tenaga-kerja-baru", "Tenaga Kerja Baru", "Tenaga kerja yang kepesertaannya dimulai pada periode ini.", false),
        new(ReportKind.TenagaKerjaKeluar, "tenaga-kerja-keluar", "Tenaga Kerja Keluar", "Tenaga kerja yang dinonaktifkan dengan tanggal keluar pada periode ini.", false),
        new(ReportKind.DaftarUpah, "daftar-upah", "Daftar Upah", "Upah yang dilaporkan untuk periode ini, termasuk koreksi.", true),
        new(ReportKind.BuktiPembayaran, "bukti-pembayaran", "Bukti Pembayaran", "Bukti pembayaran iuran dengan kode verifikasi dan kode QR.", true, NeedsPayment: true),
        new(ReportKind.IuranSusulan, "iuran-susulan", "Iuran Susulan", "Iuran bulan yang sudah final untuk tenaga kerja yang dilaporkan terlambat, dengan dendanya, yang ditagihkan pada tagihan periode ini.", true),
        new(ReportKind.IuranRapel, "iuran-rapel", "Iuran Rapel", "Selisih iuran kenaikan upah yang berlaku surut ke bulan yang sudah final, yang ditagihkan pada tagihan periode ini.", true),
        new(ReportKind.KelebihanIuran, "kelebihan-iuran", "Kelebihan Iuran", "Iuran bulan sesudah tanggal keluar yang dikompensasikan pada tagihan periode ini.", true),
    ];

    public static ReportInfo? FromSlug(string slug) => All.FirstOrDefault(r => r.Slug == slug);
}
