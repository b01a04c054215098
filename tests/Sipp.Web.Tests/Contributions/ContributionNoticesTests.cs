using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>
/// What the contribution pages say beside the figures. A year whose JP wage cap is not announced yet (here: the 2026 cap
/// taken out of this host's rule table): its periods from March are computed with the latest cap, and every answer for
/// them says so; administrators are reminded. And what is not a rule: no pro-rating, and how daily wages are reported.
/// </summary>
public class ContributionNoticesTests(ContributionNoticesTests.Fixture fixture) : IClassFixture<ContributionNoticesTests.Fixture>
{
    private const string Caveat = "Batas upah JP tahun 2026 belum ditetapkan: JP dihitung dengan batas tahun 2025 (Rp 10.547.400).";

    [Fact]
    public async Task TheCalculator_ComputesWithTheLatestCap_AndSaysSo_OnlyFromMarch()
    {
        var client = fixture.Factory.CreateClient();

        var march = await SimulateAsync(client, "2026-03");
        var february = await SimulateAsync(client, "2026-02");

        Assert.Equal(Caveat, march.GetProperty("peringatan").GetString());
        Assert.Equal(10_547_400 * 2 / 100, march.GetProperty("program").GetProperty("jp").GetProperty("pemberiKerja").GetInt64());
        Assert.False(february.TryGetProperty("peringatan", out _)); // February still takes the 2025 cap, which is its own
        var page = await HtmlPage.GetAsync(client, "/kalkulator");
        var answer = await HtmlPage.ParseAsync(await page.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Periode"] = "2026-03", ["Upah"] = "12000000", ["Tanggal Lahir"] = "1990-05-17",
        }));
        Assert.Equal(Caveat, answer.GetElementById("peringatan-batas-jp")!.TextContent.Trim());
    }

    [Fact]
    public async Task ThePeriodPage_SaysSo_AndAdministratorsAreReminded()
    {
        var division = await fixture.Factory.DivisionAsync("10000002", "000");
        await fixture.Factory.ComputeAsync(division, Period.Of(2026, 3));
        var hrd = fixture.Factory.NewBrowser();
        await hrd.ChooseCompanyAsync(await hrd.SignInAsHrdAsync(), "10000002", "000");
        var admin = fixture.Factory.NewBrowser();
        await admin.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);

        var period = await HtmlPage.GetAsync(hrd, "/iuran/2026-03");
        var rules = await HtmlPage.GetAsync(admin, "/admin/aturan-iuran");

        Assert.Contains(period.QuerySelectorAll("#peringatan li"), li => li.TextContent.Trim() == Caveat);
        Assert.StartsWith("Batas upah JP tahun 2026 (berlaku mulai 1 Maret 2026) belum ditetapkan.", rules.GetElementById("pengingat-batas-jp")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCalculatorThePeriodPageAndTheWageFields_SayWhatIsNotARule()
    {
        var division = await fixture.Factory.DivisionAsync("10000001", "001");
        await fixture.Factory.ComputeAsync(division, Period.Of(2026, 2));
        var hrd = fixture.Factory.NewBrowser();
        await hrd.ChooseCompanyAsync(await hrd.SignInAsHrdAsync(), "10000001", "001");
        var calculator = await HtmlPage.GetAsync(hrd, "/kalkulator");
        var result = await HtmlPage.ParseAsync(await calculator.SubmitAsync(hrd, new Dictionary<string, string>
        {
            ["Periode"] = "2026-02", ["Upah"] = "5000000", ["Tanggal Lahir"] = "1990-05-17",
        }));
        var period = await HtmlPage.GetAsync(hrd, "/iuran/2026-02");
        var addWorker = await HtmlPage.GetAsync(hrd, "/tenaga-kerja/tambah?Jalur=tidak");

        const string wholeMonth = "Iuran dihitung dari upah sebulan penuh: tidak dibagi menurut jumlah hari bila tenaga kerja mulai atau berhenti di tengah bulan.";
        Assert.Equal(wholeMonth, result.GetElementById("upah-sebulan-penuh")!.TextContent.Trim());
        Assert.Equal(wholeMonth, period.GetElementById("upah-sebulan-penuh")!.TextContent.Trim());
        foreach (var help in new[] { calculator.GetElementById("Upah-help")!.TextContent, addWorker.Body!.TextContent })
        {
            Assert.Contains("× 25 bila 6 hari kerja seminggu, × 21 bila 5 hari kerja seminggu", help, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> SimulateAsync(HttpClient client, string period)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/iuran/simulasi",
            new { periode = period, upah = 12_000_000, tanggalLahir = "1990-05-17", kelasRisiko = 1 }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public sealed class Fixture : SeededWebFixture
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().RuleEntries
                .Where(r => r.Key == RuleKeys.JpWageCap && r.EffectiveFrom == new DateOnly(2026, 3, 1)).ExecuteDeleteAsync();
        }
    }
}
