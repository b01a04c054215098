using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.BackOffice;

/// <summary>"Aturan Iuran": an administrator adds next year's JP cap; the engine uses it from its date on, and bad rows are refused.</summary>
public class ContributionRulesTests(ContributionRulesTests.Fixture fixture) : IClassFixture<ContributionRulesTests.Fixture>
{
    [Fact]
    public async Task ANewJpCap_IsUsedByTheEngineFromItsDateOn()
    {
        var admin = await fixture.AdministratorAsync();
        var page = await HtmlPage.GetAsync(admin, "/admin/aturan-iuran");

        var added = await HtmlPage.ParseAsync(await page.SubmitAsync(admin, new Dictionary<string, string>
        {
            ["Aturan"] = "jp.batasUpah", ["Berlaku Mulai"] = "2027-03-01", ["Nilai"] = "11.650.000", ["Catatan"] = "Surat BPJS Ketenagakerjaan 2027 (uji)",
        }));

        Assert.Contains("ditambahkan", added.GetElementById("pesan")?.TextContent ?? added.QuerySelector(".alert-danger")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(added.QuerySelectorAll("#tabel-aturan tbody tr"), r => r.TextContent.Contains("01/03/2027", StringComparison.Ordinal) && r.TextContent.Contains("11.650.000", StringComparison.Ordinal));
        Assert.Equal(11_086_300 * 3 / 100, await JpOfAsync("2027-02")); // the 2026 cap still, 3% of it
        Assert.Equal(11_650_000 * 3 / 100, await JpOfAsync("2027-03"));
    }

    [Fact]
    public async Task ARuleSavedOnOneNode_IsUsedByAnotherNodeOnTheSameDatabase_ForItsNextAnswer()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, nameof(ARuleSavedOnOneNode_IsUsedByAnotherNodeOnTheSameDatabase_ForItsNextAnswer));
        var settings = new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false", ["RateLimits:Calculator:PermitLimit"] = "100000" };
        await using var saving = new SippWebFactory(database, "Development", settings, ownsDatabase: false);
        await using var other = new SippWebFactory(database, "Development", settings, ownsDatabase: false);
        var calculator = other.CreateClient();
        Assert.Equal(11_086_300 * 3 / 100, await JpOfAsync(calculator, "2027-03")); // the other node has read (and kept) the rules

        var admin = saving.NewBrowser();
        await admin.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);
        var page = await HtmlPage.GetAsync(admin, "/admin/aturan-iuran");
        await page.SubmitAsync(admin, new Dictionary<string, string>
        {
            ["Aturan"] = "jp.batasUpah", ["Berlaku Mulai"] = "2027-03-01", ["Nilai"] = "11.650.000", ["Catatan"] = "Surat BPJS Ketenagakerjaan 2027 (uji)",
        });

        Assert.Equal(11_650_000 * 3 / 100, await JpOfAsync(calculator, "2027-03"));
    }

    [Fact]
    public async Task ARegionsMinimumWage_IsAddedUnderItsRegion()
    {
        var admin = await fixture.AdministratorAsync();
        var page = await HtmlPage.GetAsync(admin, "/admin/aturan-iuran");

        var withoutRegion = await HtmlPage.ParseAsync(await page.SubmitAsync(admin, new Dictionary<string, string> { ["Aturan"] = "upahMinimum", ["Berlaku Mulai"] = "2027-01-01", ["Nilai"] = "5.800.000" }));
        var added = await HtmlPage.ParseAsync(await page.SubmitAsync(admin, new Dictionary<string, string> { ["Aturan"] = "upahMinimum", ["Wilayah"] = "3171", ["Berlaku Mulai"] = "2027-01-01", ["Nilai"] = "5.800.000" }));

        Assert.Contains("isi Wilayah", withoutRegion.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(added.QuerySelectorAll("#tabel-aturan tbody tr"), r => r.Children[0].TextContent == "upahMinimum.3171" && r.Children[2].TextContent == "5.800.000");
    }

    [Fact]
    public async Task AYearsHolidayList_IsAddedInOneForm_AndMovesItsDueDates_AndItsWarningGoes()
    {
        var admin = await fixture.AdministratorAsync();
        var before = await FineOfAsync("2027-03"); // due Thursday 15 April 2027
        Assert.Contains("2027 belum ditetapkan", before.GetProperty("peringatan").GetString(), StringComparison.Ordinal);
        var page = await HtmlPage.GetAsync(admin, "/admin/aturan-iuran");

        var refused = await HtmlPage.ParseAsync(await page.SubmitAsync(admin, new Dictionary<string, string>
        {
            ["Tahun"] = "2027", ["Hari Libur (satu per baris)"] = "01-01 Tahun Baru Masehi\n04-15 Uji\n13-01 Tanggal Salah\n04-16",
        }));
        var added = await HtmlPage.ParseAsync(await page.SubmitAsync(admin, new Dictionary<string, string>
        {
            ["Tahun"] = "2027", ["Hari Libur (satu per baris)"] = "01-01 Tahun Baru Masehi\n04-15 Kamis Libur Uji\n04-16 Jumat Libur Uji\n08-17 Hari Kemerdekaan Republik Indonesia",
        }));
        var again = await HtmlPage.ParseAsync(await (await HtmlPage.GetAsync(admin, "/admin/aturan-iuran")).SubmitAsync(admin, new Dictionary<string, string>
        {
            ["Tahun"] = "2027", ["Hari Libur (satu per baris)"] = "05-01 Hari Buruh Internasional",
        }));

        var refusal = refused.GetElementById("DaftarLibur-error")!.TextContent;
        Assert.Contains("Baris 3: tanggal harus MM-DD", refusal, StringComparison.Ordinal);
        Assert.Contains("Baris 4: tulis nama hari libur", refusal, StringComparison.Ordinal);
        Assert.Equal("Daftar libur nasional 2027 ditetapkan: 4 hari libur.", added.GetElementById("pesan")!.TextContent.Trim());
        Assert.Contains("2027", added.GetElementById("tahun-daftar-libur")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("sudah ditetapkan", again.GetElementById("DaftarLibur-error")!.TextContent, StringComparison.Ordinal);
        var after = await FineOfAsync("2027-03");
        Assert.Equal("2027-04-19", after.GetProperty("jatuhTempo").GetString()); // over Thursday, Friday and the weekend
        Assert.False(after.TryGetProperty("peringatan", out _));
    }

    [Theory]
    [InlineData("jp.batasUpah", "2026-01-01", "12000000", "paling cepat besok")]
    [InlineData("jp.batasUpah", "2027-06-01", "dua belas juta", "Isi nilai berupa angka")]
    [InlineData("jht.pemberiKerja", "2027-01-01", "250", "")]
    [InlineData("", "2027-01-01", "1", "Pilih aturan")]
    [InlineData("libur", "2026-01-01", "", "sudah lewat")]
    public async Task ABadRow_IsRefusedWithAReason_AndNothingIsAdded(string key, string from, string value, string reason)
    {
        var admin = await fixture.AdministratorAsync();
        var page = await HtmlPage.GetAsync(admin, "/admin/aturan-iuran");
        var rowsBefore = page.QuerySelectorAll("#tabel-aturan tbody tr").Length;

        var refused = await HtmlPage.ParseAsync(await page.SubmitAsync(admin, new Dictionary<string, string> { ["Aturan"] = key, ["Berlaku Mulai"] = from, ["Nilai"] = value }));

        var alert = refused.QuerySelector(".alert-danger")?.TextContent;
        Assert.NotNull(alert);
        Assert.Contains(reason, alert, StringComparison.Ordinal);
        Assert.Equal(rowsBefore, refused.QuerySelectorAll("#tabel-aturan tbody tr").Length);
    }

    [Fact]
    public async Task ACompanyUser_CannotOpenTheRules()
    {
        var browser = fixture.Factory.NewBrowser();
        await browser.SignInAsHrdAsync();

        Assert.NotEqual(HttpStatusCode.OK, await fixture.Factory.WithoutRedirects(browser).StatusOfAsync("/admin/aturan-iuran"));
    }

    private async Task<JsonElement> FineOfAsync(string period)
    {
        using var response = await fixture.Factory.CreateClient().PostAsJsonAsync(
            "/api/v1/iuran/denda/simulasi", new { periode = period, totalIuran = 1_000_000, tanggalBayar = "2027-04-01" }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private Task<long> JpOfAsync(string period) => JpOfAsync(fixture.Factory.CreateClient(), period);

    /// <summary>JP (both shares) of the calculator's answer for a wage above every cap: the cap in force, times 3 %.</summary>
    internal static async Task<long> JpOfAsync(HttpClient client, string period)
    {
        using var response = await client.PostAsJsonAsync(
            "/api/v1/iuran/simulasi", new { periode = period, upah = 20_000_000, tanggalLahir = "1990-05-17", kelasRisiko = 1 }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var jp = body.GetProperty("program").GetProperty("jp");
        return jp.GetProperty("pemberiKerja").GetInt64() + jp.GetProperty("tenagaKerja").GetInt64();
    }

    public sealed class Fixture : SeededWebFixture
    {
        public async Task<HttpClient> AdministratorAsync()
        {
            var browser = Factory.NewBrowser();
            await browser.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);
            return browser;
        }
    }
}
