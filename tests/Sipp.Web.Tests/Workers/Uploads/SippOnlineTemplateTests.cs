using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Domain.People;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers.Uploads;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Workers.Uploads;

/// <summary>
/// Issue 17, item 1: an HR office arrives with SIPP Online's own "data_tk_baru" file — 30 columns A–AD, SIPP's names
/// and codes (KTP | PASSPORT, L | P, Y | T), dates as dd-mm-yyyy text or real Excel dates, in old .xls or .xlsx. Sipp
/// recognises it by its header row, says so, checks each row exactly as its own template (the reasons under SIPP's
/// column names), names the columns it does not keep once, and imports the good rows.
/// </summary>
public class SippOnlineTemplateTests(SippOnlineTemplateTests.Fixture fixture) : IClassFixture<SippOnlineTemplateTests.Fixture>
{
    [Theory]
    [InlineData("xls", "01", "Satu")]
    [InlineData("xlsx", "02", "Dua")]
    public async Task SippOnlinesTemplate_IsRecognised_CheckedByTheSameRules_AndItsGoodRowsImported_WhateverSheetsComeBeforeOrAfter(
        string format, string district, string suffix)
    {
        var browser = await fixture.HrAsync("10000001", "000");
        var nik = $"3273{district}0506900001"; // a man born 5 June 1990
        var rows = new List<Dictionary<string, object?>>
        {
            // row 2: KTP; membership start left empty (= the work start); wage a number; the work start a real Excel date
            Row(("NO_PEGAWAI", $"K-{district}1"), ("NAMA_LENGKAP", $"Agus Sipp {suffix}"), ("GELAR", "S.T."), ("HP", "081211112222"), ("TEMPAT_LAHIR", "Bandung"),
                ("TANGGAL_LAHIR", "05-06-1990"), ("NAMA_IBU_KANDUNG", "Sumiati"), ("JENIS_IDENTITAS", "KTP"), ("NOMOR_IDENTITAS", nik), ("JENIS_KELAMIN", "L"),
                ("SURAT_MENYURAT_KE", "S"), ("STATUS_KAWIN", "Y"), ("GOLONGAN_DARAH", "O+"), ("KODE_NEGARA", "ID"), ("UPAH", 6_000_000d), ("ALAMAT", "Jl. Braga 1, Bandung"),
                ("KODE_POS", "40111"), ("LOKASI_PEKERJAAN", "Bandung"), ("STATUS_PEGAWAI", "PKWTT"), ("TGL_AWAL_BEKERJA", new DateTime(2026, 2, 2))),
            // row 3: a foreign worker on a contract
            Row(("NAMA_LENGKAP", $"Kenji Tanaka {suffix}"), ("TEMPAT_LAHIR", "Osaka"), ("TANGGAL_LAHIR", "11-11-1988"), ("NAMA_IBU_KANDUNG", "Yuko"),
                ("JENIS_IDENTITAS", "PASSPORT"), ("NOMOR_IDENTITAS", $"TZ{district}34567"), ("KODE_NEGARA", "JP"), ("JENIS_KELAMIN", "L"), ("STATUS_KAWIN", "T"),
                ("UPAH", "9000000"), ("ALAMAT", "Jl. Sudirman 5, Jakarta"), ("KODE_POS", "10220"), ("STATUS_PEGAWAI", "PKWT"), ("TGL_AWAL_BEKERJA", "02-02-2026"),
                ("TANGGAL_KEPESERTAAN", "02-02-2026"), ("TGL_AKHIR_KONTRAK", "31-12-2026")),
            // row 4: an identity type SIPP does not have, and its number in a number cell (both said, neither hides the other)
            Row(("NAMA_LENGKAP", "Sim Salah"), ("TEMPAT_LAHIR", "Bogor"), ("TANGGAL_LAHIR", "01-01-1990"), ("NAMA_IBU_KANDUNG", "Ibu"), ("JENIS_IDENTITAS", "SIM"),
                ("NOMOR_IDENTITAS", 3201010101900099d), ("JENIS_KELAMIN", "P"), ("STATUS_KAWIN", "T"), ("UPAH", "5000000"), ("ALAMAT", "Jl. A 1"), ("KODE_POS", "16111"),
                ("STATUS_PEGAWAI", "PKWTT"), ("TGL_AWAL_BEKERJA", "02-02-2026")),
            // row 5: a blood type and a marital code that do not exist
            Row(("NAMA_LENGKAP", "Kode Salah"), ("TEMPAT_LAHIR", "Bogor"), ("TANGGAL_LAHIR", "01-01-1990"), ("NAMA_IBU_KANDUNG", "Ibu"), ("JENIS_IDENTITAS", "KTP"),
                ("NOMOR_IDENTITAS", $"3201{district}0101900002"), ("JENIS_KELAMIN", "L"), ("STATUS_KAWIN", "X"), ("GOLONGAN_DARAH", "Z"), ("UPAH", "5000000"),
                ("ALAMAT", "Jl. A 1"), ("KODE_POS", "16111"), ("STATUS_PEGAWAI", "PKWTT"), ("TGL_AWAL_BEKERJA", "02-02-2026")),
            // row 6: a NIK too short
            Row(("NAMA_LENGKAP", "Nik Pendek"), ("TEMPAT_LAHIR", "Bogor"), ("TANGGAL_LAHIR", "01-01-1990"), ("NAMA_IBU_KANDUNG", "Ibu"), ("JENIS_IDENTITAS", "KTP"),
                ("NOMOR_IDENTITAS", "32010101019"), ("JENIS_KELAMIN", "L"), ("STATUS_KAWIN", "T"), ("UPAH", "5000000"), ("ALAMAT", "Jl. A 1"), ("KODE_POS", "16111"),
                ("STATUS_PEGAWAI", "PKWTT"), ("TGL_AWAL_BEKERJA", "02-02-2026")),
        };
        var content = format == "xls"
            ? UploadFixtures.Xls(SippOnlineTemplate.Columns, rows.Select(r => (IReadOnlyList<object?>)SippOnlineTemplate.Columns.Select(c => r[c]).ToList()), sheetsAfter: ["KODE_NEGARA", "GOLONGAN_DARAH"],
                instructionsFirst: true)
            : UploadFixtures.Xlsx(rows.Select(r => (IDictionary<string, object?>)r), instructionsFirst: true);

        var batch = await UploadTests.UploadAsync(browser, "baru", $"data_tk_baru.{format}", content);

        Assert.Contains("data_tk_baru SIPP Online", batch.GetElementById("template-dikenali")?.TextContent ?? batch.GetElementById("alasan-tolak")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("GELAR, TELEPON_AREA_RUMAH", batch.GetElementById("template-dikenali")!.TextContent, StringComparison.Ordinal);
        // the instruction sheet before the data — its column table names every column, down the sheet — is passed over, and the page says which sheet was read
        Assert.Contains(format == "xls" ? "\"Data\"" : "\"Data TK\"", batch.GetElementById("lembar-dibaca")!.TextContent, StringComparison.Ordinal);
        var refused = batch.QuerySelectorAll("#baris-ditolak tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.TextContent);
        Assert.True(refused.Keys.Order(StringComparer.Ordinal).SequenceEqual(["4", "5", "6"]), string.Join(" | ", refused.Select(r => r.Key + ": " + r.Value)));
        Assert.Contains("JENIS_IDENTITAS harus KTP atau PASSPORT.", refused["4"], StringComparison.Ordinal);
        Assert.DoesNotContain("Kewarganegaraan wajib diisi", refused["4"], StringComparison.Ordinal); // the SIPP code's message, not the field behind it
        Assert.Contains("NOMOR_IDENTITAS tersimpan sebagai angka di Excel", refused["4"], StringComparison.Ordinal);
        Assert.Contains("GOLONGAN_DARAH harus A, B, AB atau O.", refused["5"], StringComparison.Ordinal);
        Assert.Contains("STATUS_KAWIN", refused["5"], StringComparison.Ordinal);
        Assert.Contains("NOMOR_IDENTITAS", refused["6"], StringComparison.Ordinal);
        Assert.Contains("NIK harus terdiri dari 16 angka.", refused["6"], StringComparison.Ordinal);

        await UploadTests.ClickAsync(browser, batch, "Impor 2 Baris Valid");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var agus = await db.Employments.Include(e => e.Participant).SingleAsync(e => e.Participant.Nik == nik, TestContext.Current.CancellationToken);
        Assert.Equal((new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 2), MaritalStatus.Kawin, $"K-{district}1", Sex.Male, new DateOnly(1990, 6, 5), EmploymentStatus.MenungguVerifikasi),
            (agus.WorkStartDate, agus.MembershipStartDate, agus.MaritalStatus, agus.EmployeeNumber, agus.Participant.Sex, agus.Participant.BirthDate, agus.Status));
        var kenji = await db.Employments.Include(e => e.Participant).SingleAsync(e => e.Participant.PassportNumber == $"TZ{district}34567", TestContext.Current.CancellationToken);
        Assert.Equal((Citizenship.Wna, "JP", new DateOnly(2026, 12, 31), EmploymentType.Pkwt, MaritalStatus.BelumKawin),
            (kenji.Participant.Citizenship, kenji.Participant.CountryCode, kenji.ContractEndDate, kenji.EmploymentType, kenji.MaritalStatus));
    }

    [Fact]
    public async Task AHeaderOfSippOnlinesTemplate_MissingARequiredColumn_IsRefusedNamingIt()
    {
        var browser = await fixture.HrAsync("10000001", "000");
        var columns = SippOnlineTemplate.Columns.Where(c => c != "TGL_AWAL_BEKERJA").Append("KOLOM_LAIN").ToList();

        var batch = await UploadTests.UploadAsync(browser, "baru", "data_tk_baru.xls", UploadFixtures.Xls(columns, []));

        var refusal = batch.GetElementById("alasan-tolak")!.TextContent;
        Assert.Contains("template data_tk_baru SIPP Online", refusal, StringComparison.Ordinal);
        Assert.Contains("kolom yang tidak ada: TGL_AWAL_BEKERJA", refusal, StringComparison.Ordinal);
        Assert.Contains("kolom yang tidak dikenal: KOLOM_LAIN", refusal, StringComparison.Ordinal);
    }

    /// <summary>A row of all 30 columns, empty except those given.</summary>
    private static Dictionary<string, object?> Row(params (string Column, object? Value)[] values)
    {
        var row = SippOnlineTemplate.Columns.ToDictionary(c => c, _ => (object?)null);
        foreach (var (column, value) in values)
        {
            row[column] = value;
        }

        return row;
    }

    public sealed class Fixture : SeededWebFixture;
}
