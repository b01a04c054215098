using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Sipp.Data;
using Sipp.Web.Infrastructure.Data;

namespace Sipp.Browser.Tests.Workers;

/// <summary>
/// The HRD user of CV Sinar Abadi adds a worker with a KPJ and a new participant, uploads a file with good and bad rows,
/// reads the row errors and imports the good ones; an officer approves the new participant, whose KPJ then appears in
/// the company's list.
/// </summary>
public class WorkersJourneyTests(WorkersJourneyTests.Fixture fixture) : IClassFixture<WorkersJourneyTests.Fixture>
{
    [Fact]
    public async Task AddUploadApprove_TheNewKpjAppearsInTheCompanysList()
    {
        var hrd = await fixture.NewPageAsync();
        await fixture.SignInAsHrdAsync(hrd, "CV Sinar Abadi", "000");
        await Assertions.Expect(hrd.Locator("#perusahaan-aktif")).ToContainTextAsync("CV Sinar Abadi");

        // Sudah memiliki KPJ? Ya — a worker of PT Maju Bersama also works here.
        var (kpj, nik, birthDate) = await fixture.SomeWorkerOfAsync("10000001", "001");
        await hrd.GotoAsync("/tenaga-kerja/tambah");
        await hrd.GetByLabel("Ya").CheckAsync(); // moves on by itself
        await hrd.WaitForURLAsync("**/tenaga-kerja/tambah?Jalur=ya");
        await hrd.GetByLabel("Nomor Peserta (KPJ)").FillAsync(kpj);
        await hrd.GetByLabel("NIK").FillAsync(nik);
        await hrd.GetByLabel("Tanggal Lahir").FillAsync(birthDate);
        await FillEmploymentAsync(hrd);
        await hrd.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(hrd.Locator("#status-tenaga-kerja")).ToHaveTextAsync("Aktif");

        // Tidak — a new participant, waiting for verification.
        await hrd.GotoAsync("/tenaga-kerja/tambah?Jalur=tidak");
        await hrd.GetByLabel("Kewarganegaraan").SelectOptionAsync("WNI");
        await hrd.GetByLabel("NIK").FillAsync("3273016507930006");
        await hrd.GetByLabel("Nama Lengkap").FillAsync("Wulan Purnamasari");
        await hrd.GetByLabel("Tempat Lahir").FillAsync("Bandung");
        await hrd.GetByLabel("Tanggal Lahir").FillAsync("25/07/1993"); // typed as on paper, whatever the browser's language
        await hrd.GetByLabel("Jenis Kelamin").SelectOptionAsync("Perempuan");
        await hrd.GetByLabel("Nama Ibu Kandung").FillAsync("Euis Komariah");
        await hrd.GetByLabel("Status Kawin").SelectOptionAsync("Belum Kawin");
        await hrd.GetByLabel("Alamat").FillAsync("Jl. Dago No. 21, Bandung");
        await hrd.GetByLabel("Kode Pos").FillAsync("40135");
        await hrd.GetByLabel("Nomor Handphone").FillAsync("081322223333");
        await FillEmploymentAsync(hrd);
        await hrd.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(hrd.Locator("#status-tenaga-kerja")).ToHaveTextAsync("Menunggu Verifikasi");

        // Upload Tenaga Kerja Baru: two good rows and one bad; the reasons, then the import of the good ones.
        await hrd.GotoAsync("/tenaga-kerja/upload");
        await hrd.GetByLabel("File Upload Tenaga Kerja Baru").SetInputFilesAsync(new FilePayload
        {
            Name = "tenaga-kerja.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = UploadFile(),
        });
        await hrd.Locator("form").Filter(new() { Has = hrd.GetByLabel("File Upload Tenaga Kerja Baru") }).GetByRole(AriaRole.Button, new() { Name = "Periksa" }).ClickAsync();
        await Assertions.Expect(hrd.Locator("#status-upload")).ToHaveTextAsync("Siap diimpor", new() { Timeout = 30_000 });
        var refused = hrd.Locator("#baris-ditolak tbody tr");
        await Assertions.Expect(refused).ToHaveCountAsync(1);
        await Assertions.Expect(refused.First).ToContainTextAsync("Kode Pos harus 5 angka.");
        await hrd.GetByRole(AriaRole.Button, new() { Name = "Impor 2 Baris Valid" }).ClickAsync();
        await Assertions.Expect(hrd.Locator("#status-upload")).ToHaveTextAsync("Sudah diimpor");

        // The officer approves Wulan; her KPJ appears in the company's list.
        var officer = await fixture.NewPageAsync();
        await fixture.SignInAsync(officer, DevelopmentSeed.OfficerEmail, DevelopmentSeed.OfficerPassword);
        await officer.GotoAsync("/backoffice/verifikasi");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Setujui Wulan Purnamasari" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#konfirmasi-keputusan")).ToContainTextAsync("mendapat KPJ baru");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ya, Setujui" }).ClickAsync();
        var message = await officer.Locator("#pesan").InnerTextAsync();
        var issued = Regex.Match(message, @"\b\d{11}\b").Value;
        Assert.Matches(@"^26\d{9}$", issued);

        await hrd.GotoAsync("/tenaga-kerja");
        await hrd.GetByLabel("Cari").FillAsync(issued);
        await hrd.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        var row = hrd.Locator("#daftar-tenaga-kerja tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Wulan Purnamasari");
        await Assertions.Expect(row).ToContainTextAsync("Aktif");
        await Assertions.Expect(row).ToContainTextAsync("************0006");
    }

    /// <summary>
    /// Issue 17, done when: an HR office brings SIPP Online's own data_tk_baru as old Excel; the one Upload entry
    /// recognises it, the rows are checked and imported, and the workers wait for verification in the list.
    /// </summary>
    [Fact]
    public async Task ASippOnlineXls_ThroughTheOneUploadEntry_BringsItsWorkers_WaitingForVerification()
    {
        var hrd = await fixture.NewPageAsync();
        await fixture.SignInAsHrdAsync(hrd, "CV Sinar Abadi", "000");
        var columns = Sipp.Web.Features.Workers.Uploads.SippOnlineTemplate.Columns;
        object?[] Person(string number, string name, string birth, string nik, string sex) => columns.Select(c => c switch
        {
            "NO_PEGAWAI" => number, "NAMA_LENGKAP" => name, "TEMPAT_LAHIR" => "Bandung", "TANGGAL_LAHIR" => birth, "NAMA_IBU_KANDUNG" => "Imas",
            "JENIS_IDENTITAS" => "KTP", "NOMOR_IDENTITAS" => nik, "JENIS_KELAMIN" => sex, "STATUS_KAWIN" => "T", "UPAH" => (object)5_500_000d,
            "ALAMAT" => "Jl. Asia Afrika 8, Bandung", "KODE_POS" => "40111", "STATUS_PEGAWAI" => "PKWTT", "TGL_AWAL_BEKERJA" => "02-02-2026",
            _ => null,
        }).ToArray();
        var xls = Sipp.Tests.Shared.XlsWorkbook.Write(columns,
            [Person("B-71", "Dedi Sipp Online", "10-10-1991", "3273011010910001", "L"), Person("B-72", "Rani Sipp Online", "12-12-1992", "3273015212920002", "P")],
            sheetsAfter: ["KODE_NEGARA"], instructionsFirst: true);

        await hrd.GotoAsync("/tenaga-kerja/upload");
        await hrd.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "data_tk_baru.xls", MimeType = "application/vnd.ms-excel", Buffer = xls });
        await hrd.Locator("form").Filter(new() { Has = hrd.GetByLabel("File", new() { Exact = true }) }).GetByRole(AriaRole.Button, new() { Name = "Periksa" }).ClickAsync();

        await Assertions.Expect(hrd.Locator("#pesan-upload")).ToContainTextAsync("dikenali dari baris judulnya sebagai Upload Tenaga Kerja Baru");
        await Assertions.Expect(hrd.Locator("#status-upload")).ToHaveTextAsync("Siap diimpor", new() { Timeout = 30_000 });
        await Assertions.Expect(hrd.Locator("#template-dikenali")).ToContainTextAsync("data_tk_baru SIPP Online");
        await Assertions.Expect(hrd.Locator("#lembar-dibaca")).ToContainTextAsync("\"Data\""); // the instruction sheet before it passed over
        await hrd.GetByRole(AriaRole.Button, new() { Name = "Impor 2 Baris Valid" }).ClickAsync();
        await Assertions.Expect(hrd.Locator("#status-upload")).ToHaveTextAsync("Sudah diimpor");
        await Assertions.Expect(hrd.Locator("#langkah-berikutnya")).ToContainTextAsync("Hitung Iuran");

        await hrd.GotoAsync("/tenaga-kerja?Cari=sipp+online");
        var rows = hrd.Locator("#daftar-tenaga-kerja tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "Dedi Sipp Online" })).ToContainTextAsync("Menunggu Verifikasi");
        await Assertions.Expect(rows.Filter(new() { HasText = "Rani Sipp Online" })).ToContainTextAsync("B-72");
    }

    private static async Task FillEmploymentAsync(IPage page)
    {
        await page.GetByLabel("Status Pegawai").SelectOptionAsync("PKWTT");
        await page.GetByLabel("Tanggal Mulai Kerja").FillAsync("02/02/2026");
        await page.GetByLabel("Tanggal Mulai Kepesertaan").FillAsync("02/02/2026");
        await page.GetByLabel("Upah").FillAsync("5.400.000");
    }

    private static byte[] UploadFile()
    {
        Dictionary<string, object?> Row(string nik, string name, DateTime birth, string sex, string postal) => new()
        {
            ["NIK"] = nik, ["Nama Lengkap"] = name, ["Tempat Lahir"] = "Bandung", ["Tanggal Lahir"] = birth, ["Jenis Kelamin"] = sex,
            ["Nama Ibu Kandung"] = "Iis", ["Kewarganegaraan"] = "WNI", ["Status Kawin"] = "Kawin", ["Alamat"] = "Jl. Braga 1, Bandung", ["Kode Pos"] = postal,
            ["Status Pegawai"] = "PKWTT", ["Tanggal Mulai Kerja"] = new DateTime(2026, 2, 2), ["Tanggal Mulai Kepesertaan"] = new DateTime(2026, 2, 2), ["Upah"] = 5_100_000d,
        };
        var path = Path.GetTempFileName() + ".xlsx";
        MiniExcel.SaveAs(path, new[]
        {
            Row("3273011203880007", "Asep Sunandar", new DateTime(1988, 3, 12), "Laki-laki", "40111"),
            Row("3273015404900008", "Neneng Hasanah", new DateTime(1990, 4, 14), "Perempuan", "401"),
            Row("3273011506910009", "Ujang Rahmat", new DateTime(1991, 6, 15), "Laki-laki", "40112"),
        }, excelType: ExcelType.XLSX);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    public sealed class Fixture : BrowserFixture
    {
        public async Task<(string Kpj, string Nik, string BirthDate)> SomeWorkerOfAsync(string npp, string division)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var p = await scope.ServiceProvider.GetRequiredService<SippDbContext>().Employments.AcrossDivisions()
                .Where(e => e.Division.Company.Npp == npp && e.Division.Code == division).OrderBy(e => e.Participant.Kpj)
                .Select(e => e.Participant).Skip(7).FirstAsync();
            return (p.Kpj!, p.Nik!, p.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
