using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sipp.Browser.Tests.Accessibility;
using Sipp.Domain.Workers;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Browser.Tests.Contributions;

/// <summary>
/// Issue 16, done when: the month — upload wage changes, compute, review, finalise, pay, download all — on a phone
/// (390×844), in Bahasa Indonesia and in English, with axe-core finding nothing and no page scrolling sideways at
/// every state. Each language works in its own company so the two months do not meet.
/// </summary>
public class MonthAtPhoneSizeJourneyTests(MonthAtPhoneSizeJourneyTests.Fixture fixture) : IClassFixture<MonthAtPhoneSizeJourneyTests.Fixture>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new()
    {
        ["id"] = new()
        {
            ["ready"] = "Siap diimpor", ["imported"] = "Sudah diimpor", ["computed"] = "Dihitung", ["awaiting"] = "Menunggu Pembayaran", ["paid"] = "Lunas",
            ["check"] = "Periksa", ["compute"] = "Hitung Iuran", ["finalise"] = "Finalisasi", ["pay"] = "Bayar", ["all"] = "Unduh Semua (ZIP)", ["amount"] = "Rp ", ["done"] = "telah dihitung",
        },
        ["en"] = new()
        {
            ["ready"] = "Ready to import", ["imported"] = "Imported", ["computed"] = "Computed", ["awaiting"] = "Awaiting payment", ["paid"] = "Paid",
            ["check"] = "Check", ["compute"] = "Compute contributions", ["finalise"] = "Finalise", ["pay"] = "Pay", ["all"] = "Download all (ZIP)", ["amount"] = "IDR ", ["done"] = "are computed",
        },
    };

    [Theory]
    [InlineData("id", "10000001", "PT Maju Bersama")]
    [InlineData("en", "10000002", "CV Sinar Abadi")]
    public async Task TheMonth_OnAPhone_InEachLanguage_IsAccessibleAtEveryStep(string language, string npp, string company)
    {
        var say = Words[language];
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(), Locale = language == "en" ? "en-US" : "id-ID", ViewportSize = PageChecks.Phone, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        async Task CheckAsync(string state) => problems.AddRange(await PageChecks.ProblemsAsync(page, $"{language} {state}"));

        await fixture.SignInAsHrdAsync(page, company, "000");
        if (language == "en")
        {
            await Accessibility.PageChecks.OpenMenuAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }

        await CheckAsync("Beranda");
        var period = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM", CultureInfo.InvariantCulture); // Jakarta's month
        var (kpj, wage) = await SomeWorkerAsync(npp);

        // Upload wage changes: one raise from this month.
        await page.GotoAsync("/tenaga-kerja/upload");
        await CheckAsync("Upload");
        await page.Locator("#file-upah").SetInputFilesAsync(new FilePayload
        {
            Name = "upah.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes($"KPJ,Upah,Periode Mulai\r\n{kpj},{wage + 250_000},{period}\r\n"),
        });
        await page.Locator("form").Filter(new() { Has = page.Locator("#file-upah") }).GetByRole(AriaRole.Button, new() { Name = say["check"] }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-upload")).ToHaveTextAsync(say["ready"], new() { Timeout = 30_000 });
        await CheckAsync("Upload checked");
        await page.Locator("form[action*='handler=Import'] button").ClickAsync();
        await Assertions.Expect(page.Locator("#status-upload")).ToHaveTextAsync(say["imported"]);
        await CheckAsync("Upload imported");

        // Compute.
        await page.GotoAsync("/iuran/hitung");
        await CheckAsync("Hitung Iuran");
        await page.Locator("#Periode").SelectOptionAsync(period);
        await page.GetByRole(AriaRole.Button, new() { Name = say["compute"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-periode")).ToHaveTextAsync(say["computed"]);
        await Assertions.Expect(page.Locator("#total-iuran")).ToContainTextAsync(say["amount"]);
        await Assertions.Expect(page.Locator("#pesan")).ToContainTextAsync(say["done"]); // the notice, in the reader's language
        await CheckAsync("Computed");

        // Review: the raised worker under "wage changed".
        await page.Locator("#saring-upah-berubah").ClickAsync();
        await Assertions.Expect(page.Locator("#rincian tbody")).ToContainTextAsync(kpj);
        await CheckAsync("Review");

        // Finalise with a channel.
        await page.Locator("#Channel").SelectOptionAsync(new SelectOptionValue { Label = "BRI Virtual Account (BRIVA)" });
        await page.GetByRole(AriaRole.Button, new() { Name = say["finalise"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-periode")).ToHaveTextAsync(say["awaiting"]);
        await CheckAsync("Final");

        // Pay at the bank simulator.
        await page.Locator("a[href^='/dev/simulator-bank']").ClickAsync();
        await CheckAsync("Bank");
        await page.GetByRole(AriaRole.Button, new() { Name = say["pay"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-tagihan")).ToHaveTextAsync(say["paid"]);

        // Download all of the month's reports.
        await page.GotoAsync($"/laporan?periode={period}");
        await CheckAsync("Laporan");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = say["all"] }).ClickAsync());
        using (var zip = ZipFile.OpenRead(await download.PathAsync()))
        {
            Assert.Contains(zip.Entries, e => e.Name == $"rincian-iuran-{npp}-000-{period}.pdf");
            Assert.Contains(zip.Entries, e => e.Name.StartsWith("bukti-pembayaran-", StringComparison.Ordinal));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task<(string Kpj, long Wage)> SomeWorkerAsync(string npp)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var worker = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
            .Where(e => e.Division.Company.Npp == npp && e.Division.Code == "000" && e.Status == EmploymentStatus.Aktif && e.MembershipStartDate < new DateOnly(2025, 1, 1))
            .OrderBy(e => e.Participant.Kpj).Select(e => new { e.Participant.Kpj, Upah = e.LatestUpah ?? 5_000_000 }).FirstAsync(TestContext.Current.CancellationToken);
        return (worker.Kpj!, worker.Upah);
    }

    public sealed class Fixture : BrowserFixture;
}
