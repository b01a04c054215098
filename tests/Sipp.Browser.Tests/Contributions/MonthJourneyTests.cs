using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sipp.Browser.Tests.Contributions;

/// <summary>
/// A month of PT Maju Bersama: the HR user computes the current period, corrects one wage, finalises with a payment
/// channel, pays through the Simulator Bank, sees "Lunas" in "Monitoring Iuran" with both charts drawn, downloads the
/// month's details as PDF, XLSX and CSV and the receipt, and finds the month paid on the dashboard; and, as a newcomer,
/// downloads every report of the seed's paid month and has its receipt confirmed by "Cek Bukti Pembayaran".
/// </summary>
public class MonthJourneyTests(MonthJourneyTests.Fixture fixture) : IClassFixture<MonthJourneyTests.Fixture>
{
    [Fact]
    public async Task ComputeCorrectFinalisePay_TheMonthIsLunasInMonitoring()
    {
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text + " @ " + message.Location + " on " + page.Url);
            }
        };
        await fixture.SignInAsHrdAsync(page, "PT Maju Bersama", "000");
        // Jakarta's month (the seed paid the month before it): between 17:00 and 24:00 UTC it is already the next one.
        var period = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        // Hitung Iuran, from the menu.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" });
        await menu.GetByRole(AriaRole.Button, new() { Name = "Iuran", Exact = true }).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Hitung Iuran" }).ClickAsync();
        await page.GetByLabel("Periode", new() { Exact = true }).SelectOptionAsync(period);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hitung Iuran" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-periode")).ToHaveTextAsync("Dihitung");
        var before = await page.Locator("#total-iuran").InnerTextAsync();

        // Koreksi: one worker's wage for this period.
        var firstLine = page.Locator("#rincian tbody tr").First;
        var name = (await firstLine.Locator("td").First.InnerTextAsync()).Trim();
        await firstLine.GetByRole(AriaRole.Link, new() { Name = "Koreksi" }).ClickAsync();
        await page.GetByLabel("Upah periode ini").FillAsync("9.750.000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan Koreksi" }).ClickAsync();
        var corrected = page.Locator("#rincian tbody tr").Filter(new() { HasText = name });
        await Assertions.Expect(corrected).ToContainTextAsync("Rp 9.750.000 (koreksi)");
        Assert.NotEqual(before, await page.Locator("#total-iuran").InnerTextAsync());

        // Finalisasi with a channel: the bill.
        await page.GetByLabel("Channel Pembayaran").SelectOptionAsync(new SelectOptionValue { Label = "BRI Virtual Account (BRIVA)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Finalisasi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-periode")).ToHaveTextAsync("Menunggu Pembayaran");
        var kode = (await page.Locator("#kode-iuran").InnerTextAsync()).Trim();
        Assert.Matches(new Regex(@"^\d{11}$"), kode);
        var total = await page.Locator("#total-tagihan").InnerTextAsync();

        // Pay through the Simulator Bank.
        await page.GetByRole(AriaRole.Link, new() { Name = "Bayar di Simulator Bank" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bayar" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-tagihan")).ToHaveTextAsync("Lunas");

        // Monitoring: the month is Lunas, and both charts are drawn.
        await page.GotoAsync("/iuran/monitoring");
        var row = page.Locator("#monitoring tbody tr").Filter(new() { Has = page.Locator($"a[href='/iuran/{period}']") });
        await Assertions.Expect(row).ToContainTextAsync("Lunas");
        await Assertions.Expect(row).ToContainTextAsync(kode);
        await Assertions.Expect(row).ToContainTextAsync(total);
        foreach (var chart in new[] { "#grafik-program", "#grafik-ketepatan" })
        {
            var drawn = await page.Locator(chart).EvaluateAsync<bool>("canvas => typeof Chart !== 'undefined' && Chart.getChart(canvas) !== undefined && canvas.width > 0");
            Assert.True(drawn, chart);
        }

        // Laporan: the month's details in every format, and the receipt.
        await page.GetByRole(AriaRole.Link, new() { Name = "Laporan", Exact = true }).ClickAsync();
        await page.GetByLabel("Periode", new() { Exact = true }).SelectOptionAsync(period);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        var details = page.Locator("#daftar-laporan tbody tr").Filter(new() { HasText = "Rincian Iuran per Tenaga Kerja" });
        foreach (var format in new[] { "PDF", "XLSX", "CSV" })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => details.GetByRole(AriaRole.Link, new() { Name = format, Exact = true }).ClickAsync());
            Assert.Equal($"rincian-iuran-10000001-000-{period}.{format.ToLowerInvariant()}", download.SuggestedFilename);
            Assert.True(new FileInfo(await download.PathAsync()).Length > 100, format);
        }

        var receipt = page.Locator("#daftar-laporan tbody tr").Filter(new() { HasText = "Bukti Pembayaran" });
        var receiptPdf = await page.RunAndWaitForDownloadAsync(() => receipt.GetByRole(AriaRole.Link, new() { Name = "PDF", Exact = true }).ClickAsync());
        Assert.Equal($"bukti-pembayaran-10000001-000-{period}.pdf", receiptPdf.SuggestedFilename);

        // Beranda: the month is paid, and the chart is drawn.
        await page.GetByRole(AriaRole.Link, new() { Name = "Beranda", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-bulan-ini")).ToHaveTextAsync("Lunas");
        // The chart script runs after the page shows: wait for it (a timeout fails the test) rather than look once.
        await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && Chart.getChart(document.querySelector('#grafik-program')) !== undefined");

        Assert.True(problems.Count == 0, string.Join(" | ", problems)); // no script error, no CSP refusal
    }

    [Fact]
    public async Task TheSeedsPaidMonth_EveryReportDownloads_AndItsReceiptIsConfirmedGenuine()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsHrdAsync(page, "PT Maju Bersama", "000");
        var jakarta = DateTime.UtcNow.AddHours(7);
        var lastMonth = new DateTime(jakarta.Year, jakarta.Month, 1).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "Laporan", Exact = true }).ClickAsync();
        await page.GetByLabel("Periode", new() { Exact = true }).SelectOptionAsync(lastMonth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#periode option:checked")).ToContainTextAsync("Lunas");
        var rows = page.Locator("#daftar-laporan tbody tr");
        var count = Sipp.Web.Features.Reports.ReportCatalog.All.Count;
        Assert.Equal(count, await rows.CountAsync());
        for (var i = 0; i < count; i++)
        {
            await page.ReloadAsync(); // Chromium lets one page start about ten downloads in a burst, then silently ignores more
            foreach (var format in new[] { "PDF", "XLSX", "CSV" })
            {
                var download = await page.RunAndWaitForDownloadAsync(() => rows.Nth(i).GetByRole(AriaRole.Link, new() { Name = format, Exact = true }).ClickAsync());
                Assert.EndsWith($"-10000001-000-{lastMonth}.{format.ToLowerInvariant()}", download.SuggestedFilename, StringComparison.Ordinal);
                // At least the header row and the "Jumlah" row (a month without late charges has nothing else).
                Assert.True(new FileInfo(await download.PathAsync()).Length > 60, download.SuggestedFilename);
            }
        }

        // The period page gives the receipt's verification code; the public check, typed in by hand, confirms it.
        await page.GotoAsync($"/iuran/{lastMonth}");
        var code = (await page.Locator("#kode-verifikasi").InnerTextAsync()).Trim();
        var kode = (await page.Locator("#kode-iuran").InnerTextAsync()).Trim();
        await page.GotoAsync("/cek-bukti");
        await page.GetByLabel("Kode Verifikasi").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hasil-cek")).ToContainTextAsync("Bukti pembayaran asli");
        await Assertions.Expect(page.Locator("#hasil-cek")).ToContainTextAsync(kode);
    }

    public sealed class Fixture : BrowserFixture;
}
