using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.BackOffice;

public class BackOfficeTests(BackOfficeTests.Fixture fixture) : IClassFixture<BackOfficeTests.Fixture>
{
    private readonly SippWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task AnOfficerApproves_TheOldestFirst_IssuingAKpj_ThatTheCompanyThenSeesInItsList()
    {
        var hrd = await HrdAsync("10000001", "000");
        await AddNewPersonAsync(hrd, "3171014101950003", "Ani Wijaya", "1995-01-01");
        _factory.Clock.Advance(TimeSpan.FromMinutes(1)); // within the idle timeout
        await AddNewPersonAsync(hrd, "3171014202960004", "Dewi Kusuma", "1996-02-02");
        var officer = await OfficerAsync();

        var queue = await HtmlPage.GetAsync(officer, "/backoffice/verifikasi");
        var names = queue.QuerySelectorAll("#antrian-verifikasi tbody tr").Select(r => r.Children[2].TextContent).ToList();
        Assert.True(names.FindIndex(n => n.Contains("Ani Wijaya", StringComparison.Ordinal)) < names.FindIndex(n => n.Contains("Dewi Kusuma", StringComparison.Ordinal)));

        var approve = (AngleSharp.Html.Dom.IHtmlFormElement)queue.QuerySelectorAll("#antrian-verifikasi tbody tr")
            .First(r => r.TextContent.Contains("Ani Wijaya", StringComparison.Ordinal)).QuerySelector("form")!;
        var asked = await HtmlPage.ParseAsync(await approve.SubmitAsync(officer));
        var stillWaiting = await HtmlPage.GetAsync(officer, "/backoffice/verifikasi");
        var after = await HtmlPage.ParseAsync(await ((AngleSharp.Html.Dom.IHtmlFormElement)asked.QuerySelector("#konfirmasi-keputusan form")!).SubmitAsync(officer));

        // Issue 16: a KPJ cannot be taken back, so the officer is asked first, with what approving does.
        Assert.Contains("mendapat KPJ baru", asked.GetElementById("konfirmasi-keputusan")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tidak dapat dibatalkan", asked.GetElementById("konfirmasi-keputusan")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(stillWaiting.QuerySelectorAll("#antrian-verifikasi tbody tr"), r => r.TextContent.Contains("Ani Wijaya", StringComparison.Ordinal));
        var message = after.GetElementById("pesan")!.TextContent;
        Assert.Matches(@"Ani Wijaya disetujui dengan KPJ 26\d{9}\.", message);
        var kpj = System.Text.RegularExpressions.Regex.Match(message, @"26\d{9}").Value;
        var list = await HtmlPage.GetAsync(hrd, $"/tenaga-kerja?Cari={kpj}");
        var row = Assert.Single(list.QuerySelectorAll("#daftar-tenaga-kerja tbody tr"));
        Assert.Contains("Aktif", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejection_NeedsAReason_WhichTheCompanySees()
    {
        var hrd = await HrdAsync("10000001", "001");
        var detailUrl = await AddNewPersonAsync(hrd, "3578015505910005", "Rina Saputri", "1991-05-15");
        var officer = await OfficerAsync();
        var queue = await HtmlPage.GetAsync(officer, "/backoffice/verifikasi");
        var row = queue.QuerySelectorAll("#antrian-verifikasi tbody tr").First(r => r.TextContent.Contains("Rina Saputri", StringComparison.Ordinal));
        var reject = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelectorAll("form")[1];

        var empty = await HtmlPage.ParseAsync(await reject.SubmitAsync(officer));
        var asked = await HtmlPage.ParseAsync(await reject.SubmitAsync(officer, new Dictionary<string, string> { ["Alasan Penolakan Rina Saputri"] = "Nama ibu kandung tidak sesuai data Dukcapil." }));
        var rejected = await HtmlPage.ParseAsync(await ((AngleSharp.Html.Dom.IHtmlFormElement)asked.QuerySelector("#konfirmasi-keputusan form")!).SubmitAsync(officer));

        Assert.Contains("Alasan penolakan wajib diisi", empty.GetElementById("pesan")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nama ibu kandung tidak sesuai data Dukcapil.", asked.GetElementById("alasan-penolakan")!.TextContent.Trim());
        Assert.Contains("Rina Saputri ditolak.", rejected.GetElementById("pesan")!.TextContent, StringComparison.Ordinal);
        var detail = await HtmlPage.GetAsync(hrd, detailUrl);
        Assert.Equal("Ditolak", detail.GetElementById("status-tenaga-kerja")!.TextContent.Trim());
        Assert.Contains("Nama ibu kandung tidak sesuai data Dukcapil.", detail.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompanyUsers_CannotReachTheBackOffice()
    {
        var hrd = await HrdAsync("10000001", "000");

        Assert.Equal(HttpStatusCode.Forbidden, await hrd.StatusOfAsync("/backoffice/verifikasi"));
        Assert.Equal(HttpStatusCode.Forbidden, await hrd.StatusOfAsync("/backoffice/perusahaan"));
    }

    [Fact]
    public async Task AnOfficerKeepsTheRegistry_WithChecksAndAnAuditOfEveryChange()
    {
        var officer = await OfficerAsync();
        var page = await HtmlPage.GetAsync(officer, "/backoffice/perusahaan");
        var company = new Dictionary<string, string>
        {
            ["NPP"] = "40000001", ["Nama Perusahaan"] = "PT Garmen Nusantara", ["Kelas Risiko JKK"] = "3", ["Skala Usaha"] = "Menengah",
            ["Ikut JP"] = "false", ["Industri Padat Karya"] = "true", ["Kantor Cabang"] = "Kantor Cabang Bandung Suci",
        };

        var noJp = await HtmlPage.ParseAsync(await page.SubmitAsync(officer, company));
        company["Ikut JP"] = "true";
        var created = await HtmlPage.ParseAsync(await page.SubmitAsync(officer, company));
        var duplicate = await HtmlPage.ParseAsync(await page.SubmitAsync(officer, company));

        Assert.Contains("wajib ikut program JP", noJp.GetElementById("Isian-ikut-jp-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("PT Garmen Nusantara NPP 40000001", string.Join(' ', created.QuerySelector("h1")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("NPP ini sudah terdaftar.", duplicate.GetElementById("Isian-npp-error")!.TextContent, StringComparison.Ordinal);

        var edited = await HtmlPage.ParseAsync(await created.SubmitAsync(officer, new Dictionary<string, string> { ["Kelas Risiko JKK"] = "4" }));
        var division = await HtmlPage.ParseAsync(await edited.SubmitAsync(officer, new Dictionary<string, string>
        {
            ["Kode Divisi"] = "001", ["Nama Divisi"] = "Pabrik Cimahi", ["Kantor Cabang"] = "Kantor Cabang Cimahi",
        }));

        Assert.Contains("001", division.QuerySelector("#daftar-divisi")!.TextContent, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var stored = await db.Companies.Include(c => c.Divisions).SingleAsync(c => c.Npp == "40000001", TestContext.Current.CancellationToken);
        Assert.Equal((4, true, 2), (stored.JkkRiskClass, stored.LabourIntensive, stored.Divisions.Count));
        var change = await db.AuditEvents.Where(a => a.Action == "perusahaan.ubah" && a.EntityId == stored.Id.ToString()).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"kelas\":3", change.Before, StringComparison.Ordinal);
        Assert.Contains("\"kelas\":4", change.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerSetsADivisionsMinimumWageRegion_WithACheck_AndAnAudit()
    {
        var officer = await OfficerAsync();
        var list = await HtmlPage.GetAsync(officer, "/backoffice/perusahaan?cari=10000002");
        var edit = await HtmlPage.GetAsync(officer, list.QuerySelectorAll("a").First(a => a.GetAttribute("href")!.StartsWith("/backoffice/perusahaan/", StringComparison.Ordinal)).GetAttribute("href")!);

        var refused = await HtmlPage.ParseAsync(await edit.SubmitAsync(officer, new Dictionary<string, string> { ["Wilayah Upah Minimum divisi 000"] = "Kota Bandung" }));
        var saved = await HtmlPage.ParseAsync(await edit.SubmitAsync(officer, new Dictionary<string, string> { ["Wilayah Upah Minimum divisi 000"] = "3273" }));

        Assert.Contains("Wilayah Upah Minimum berupa 2–10 huruf", refused.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("3273", saved.ControlLabelled("Wilayah Upah Minimum divisi 000").GetAttribute("value"));
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var audit = await db.AuditEvents.Where(a => a.Action == "divisi.ubahWilayah").OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Contains("3273", audit.After, StringComparison.Ordinal);
    }

    private async Task<HttpClient> HrdAsync(string npp, string division)
    {
        var browser = _factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), npp, division);
        return browser;
    }

    private async Task<HttpClient> OfficerAsync()
    {
        var browser = _factory.NewBrowser();
        await browser.SignInAsync(DevelopmentSeed.OfficerEmail, DevelopmentSeed.OfficerPassword, phone: null);
        return browser;
    }

    /// <summary>Adds a new participant through "Tambah Tenaga Kerja" (Tidak) and returns the worker's page.</summary>
    private static async Task<string> AddNewPersonAsync(HttpClient hrd, string nik, string name, string birthDate)
    {
        var form = await HtmlPage.GetAsync(hrd, "/tenaga-kerja/tambah?Jalur=tidak");
        var response = await form.SubmitAsync(hrd, new Dictionary<string, string>
        {
            ["Kewarganegaraan"] = "WNI", ["NIK"] = nik, ["Nama Lengkap"] = name, ["Tempat Lahir"] = "Jakarta", ["Tanggal Lahir"] = birthDate,
            ["Jenis Kelamin"] = "Perempuan", ["Nama Ibu Kandung"] = "Suyatmi", ["Status Kawin"] = "Belum Kawin", ["Alamat"] = "Jl. Anggrek 3", ["Kode Pos"] = "10110",
            ["Status Pegawai"] = "PKWTT", ["Tanggal Mulai Kerja"] = "2026-02-02", ["Tanggal Mulai Kepesertaan"] = "2026-02-02", ["Upah"] = "5200000",
        });
        var page = await HtmlPage.ParseAsync(response);
        Assert.Equal("Menunggu Verifikasi", page.GetElementById("status-tenaga-kerja")?.TextContent.Trim());
        return new Uri(page.Url).PathAndQuery;
    }

    public sealed class Fixture : SeededWebFixture;
}
