using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Sipp.Data.Audit;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Shared;

namespace Sipp.Web.Infrastructure.Audit;

/// <summary>
/// An audit event in words, for the people who read the trail: "Upah diubah dari Rp 6.500.000 menjadi Rp 7.000.000
/// mulai April 2026". Each action has a title; what changed follows as "Field: before → after", money as Rupiah,
/// months by name, dates as dd/mm/yyyy. The stored event keeps its codes and JSON (the archive and the API read those).
/// </summary>
public sealed partial class AuditSentence(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Every action Sipp records, with its title; an action missing here fails <c>AuditSentenceTests</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["apiKlien.buat"] = "Klien API dibuat",
        ["apiKlien.cabut"] = "Klien API dicabut",
        ["akun.aktivasi"] = "Akun diaktifkan",
        ["akun.terkunci"] = "Akun terkunci karena salah password berulang kali",
        ["biro.beriAkses"] = "Akses biro diberikan",
        ["biro.cabutAkses"] = "Akses biro dicabut",
        ["biro.daftar"] = "Biro didaftarkan",
        ["biro.hapusStaf"] = "Staf biro dikeluarkan",
        ["biro.tambahStaf"] = "Staf biro ditambahkan",
        ["biro.terimaAkses"] = "Akses biro diterima biro",
        ["biro.tolakAkses"] = "Akses biro ditolak biro",
        ["aturanIuran.daftarLibur"] = "Daftar hari libur diubah",
        ["aturanIuran.tambah"] = "Aturan iuran ditambahkan",
        ["auditArsip.unduh"] = "Arsip audit diunduh",
        ["divisi.tambah"] = "Divisi ditambahkan",
        ["divisi.ubahWilayah"] = "Wilayah upah minimum divisi diubah",
        ["iuran.batalFinalisasi"] = "Finalisasi dibatalkan",
        ["iuran.finalisasi"] = "Iuran difinalisasi",
        ["iuran.hitung"] = "Iuran dihitung",
        ["iuran.kelebihan"] = "Kelebihan iuran dicatat",
        ["iuran.koreksi"] = "Upah periode dikoreksi",
        ["iuran.pengingat"] = "Pengingat tagihan dikirim",
        ["iuran.rapel"] = "Iuran rapel dicatat",
        ["iuran.susulan"] = "Iuran susulan dicatat",
        ["iuran.terlambat"] = "Pemberitahuan tagihan terlambat dikirim",
        ["keanggotaan.aktif"] = "Akses pengguna diaktifkan",
        ["keanggotaan.nonaktif"] = "Akses pengguna dinonaktifkan",
        ["keanggotaan.tambah"] = "Pengguna ditambahkan",
        ["keanggotaan.ubahPeran"] = "Peran pengguna diubah",
        ["laporan.unduh"] = "Laporan diunduh",
        ["laporan.unduhSemua"] = "Semua laporan periode diunduh (ZIP)",
        ["login.berhasil"] = "Masuk",
        ["login.gagal"] = "Gagal masuk",
        ["logout"] = "Keluar",
        ["otp.gagal"] = "Kode OTP salah",
        ["otp.terkirim"] = "Kode OTP dikirim",
        ["password.lupa"] = "Penggantian password diminta",
        ["password.reset"] = "Password diganti",
        ["pembayaran.terima"] = "Pembayaran diterima",
        ["pendaftaran.emailSudahAda"] = "Pendaftaran dengan email yang sudah terdaftar",
        ["pendaftaran.kpjSudahAda"] = "Pendaftaran dengan KPJ yang sudah punya akun",
        ["pendaftaran.selesai"] = "Pendaftaran selesai",
        ["riwayatAktivitas.unduh"] = "Riwayat aktivitas diunduh (CSV)",
        ["persetujuan.minta"] = "Persetujuan diminta",
        ["persetujuan.setujui"] = "Permintaan disetujui",
        ["persetujuan.tarik"] = "Permintaan ditarik pembuatnya",
        ["persetujuan.tolak"] = "Permintaan ditolak",
        ["pengaturan.persetujuan"] = "Pengaturan persetujuan finalisasi diubah",
        ["perusahaan.pilih"] = "Perusahaan dipilih",
        ["perusahaan.tambah"] = "Perusahaan ditambahkan",
        ["perusahaan.ubah"] = "Data perusahaan diubah",
        ["peserta.ubahIdentitas"] = "Data identitas peserta diubah",
        ["tenagaKerja.disetujui"] = "Tenaga kerja disetujui petugas",
        ["tenagaKerja.ditolak"] = "Tenaga kerja ditolak petugas",
        ["tenagaKerja.nonAktif"] = "Tenaga kerja dinonaktifkan",
        ["tenagaKerja.tambah"] = "Tenaga kerja ditambahkan",
        ["tenagaKerja.ubahData"] = "Data tenaga kerja diubah",
        ["tenagaKerja.ubahUpah"] = "Upah diubah",
        ["upload.batal"] = "Upload dibatalkan",
        ["upload.unduhUpah"] = "Daftar upah diunduh untuk diubah di Excel",
        ["upload.terima"] = "File diupload",
        ["webhook.buat"] = "Webhook dibuat",
        ["webhook.hapus"] = "Webhook dihapus",
    };

    private static readonly HashSet<string> MoneyFields = new(StringComparer.Ordinal)
    {
        "upah", "iuran", "total", "jumlah", "denda", "dendaTambahan", "jht", "jkk", "jkm", "jp", "tagihanTotal",
    };

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["kpj"] = "KPJ", ["nik"] = "NIK", ["npp"] = "NPP", ["jumlahTk"] = "Jumlah TK", ["jkk"] = "JKK", ["jkm"] = "JKM", ["jht"] = "JHT", ["jp"] = "JP",
        ["perhitunganKe"] = "Perhitungan ke", ["aktif"] = "Aktif", ["nomorPegawai"] = "Nomor Pegawai",
    };

    public string Title(string action) => localizer[Titles.TryGetValue(action, out var title) ? title : action];

    /// <summary>The event in words, without its time and actor (the trail shows those in their own columns).</summary>
    public string Describe(AuditEvent e)
    {
        using var before = Parse(e.Before);
        using var after = Parse(e.After);
        var was = Fields(before);
        var now = Fields(after);
        if (e.Action == "tenagaKerja.ubahUpah" && now.TryGetValue("upah", out var wage))
        {
            var from = now.TryGetValue("periode", out var period) ? Value("periode", period) : "—";
            return was.TryGetValue("upah", out var old) && old.ValueKind == JsonValueKind.Number
                ? localizer["Upah diubah dari {0} menjadi {1} mulai {2}", Value("upah", old), Value("upah", wage), from]
                : localizer["Upah {0} mulai {1}", Value("upah", wage), from];
        }

        var changes = new List<string>();
        foreach (var key in was.Keys.Union(now.Keys))
        {
            var hadValue = was.TryGetValue(key, out var old);
            var hasValue = now.TryGetValue(key, out var current);
            if (hadValue && hasValue && old.ToString() == current.ToString())
            {
                continue;
            }

            changes.Add(hadValue && hasValue
                ? $"{Name(key)}: {Value(key, old)} → {Value(key, current)}"
                : $"{Name(key)}: {Value(key, hasValue ? current : old)}");
        }

        return changes.Count == 0 ? Title(e.Action) : $"{Title(e.Action)} — {string.Join("; ", changes)}";
    }

    private static JsonDocument? Parse(string? json)
    {
        try
        {
            return string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, JsonElement> Fields(JsonDocument? document) =>
        document?.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : [];

    private string Name(string key) =>
        localizer[FieldNames.TryGetValue(key, out var name) ? name : char.ToUpperInvariant(key[0]) + Words().Replace(key[1..], " $1").ToLowerInvariant()];

    private string Value(string key, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when MoneyFields.Contains(key) && value.TryGetInt64(out var rupiah) => new Rupiah(rupiah).ToString(),
        JsonValueKind.Number => value.GetDecimal().ToString("#,0.######", CultureInfo.CurrentCulture),
        JsonValueKind.String => Text(value.GetString()!),
        JsonValueKind.True => localizer["Ya"],
        JsonValueKind.False => localizer["Tidak"],
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(item => Item(item))),
        _ => value.GetRawText(),
    };

    /// <summary>One element of a list, e.g. a month of a late charge: "Februari 2026 Rp 185.000".</summary>
    private string Item(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Value("", item);
        }

        var fields = item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        return fields.TryGetValue("periode", out var period) && fields.TryGetValue("total", out var total)
            ? $"{Value("periode", period)} {Value("total", total)}"
            : string.Join(" ", fields.Select(f => Value(f.Key, f.Value)));
    }

    private static string Text(string text) =>
        Month().IsMatch(text) && Period.TryParse(text, out var period, out _) ? Show.Month(period)
        : text.Length >= 10 && TypedDate.TryParse(text[..10], out var date) && IsoDate().IsMatch(text) ? Show.Date(date)
        : text;

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Words();

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$")]
    private static partial Regex IsoDate();
}
