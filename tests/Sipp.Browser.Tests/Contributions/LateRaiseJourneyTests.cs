using System.Globalization;
using Microsoft.Playwright;

namespace Sipp.Browser.Tests.Contributions;

/// <summary>
/// After last month was paid (the seed's paid month), HR raises a worker's wage from that month on; the raise is
/// billed as "Iuran Rapel" on this month's bill, which HR finalises and pays through the Simulator Bank.
/// </summary>
public class LateRaiseJourneyTests(LateRaiseJourneyTests.Fixture fixture) : IClassFixture<LateRaiseJourneyTests.Fixture>
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [Fact]
    public async Task ABackdatedRaiseAfterAPaidMonth_IsBilledAsIuranRapel_AndPaid()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsHrdAsync(page, "PT Maju Bersama", "000");
        var jakarta = DateTime.UtcNow.AddHours(7);
        var thisMonth = jakarta.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var lastMonth = new DateTime(jakarta.Year, jakarta.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await page.GotoAsync($"/iuran/{lastMonth}");
        await Assertions.Expect(page.Locator("#status-periode")).ToHaveTextAsync("Lunas");

        // A raise of Rp 1.000.000 from the paid month on, through "Perubahan Upah".
        await page.GotoAsync("/tenaga-kerja");
        var row = page.Locator("#daftar-tenaga-kerja tbody tr").Filter(new() { HasText = "Aktif" }).First;
        await row.Locator("a").First.ClickAsync();
        var current = (await page.Locator("#riwayat-upah tbody tr").First.Locator("td").Nth(1).InnerTextAsync()).Trim();
        var raised = long.Parse(current.Replace("Rp", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) + 1_000_000;
        await page.GetByRole(AriaRole.Link, new() { Name = "Perubahan Upah" }).ClickAsync();
        await page.GetByLabel("Upah", new() { Exact = true }).FillAsync(raised.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Periode Mulai").SelectOptionAsync(lastMonth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pesan")).ToContainTextAsync("Iuran Rapel 1 bulan");

        // This month: computed, the Rapel waits for its bill, and the bill carries it.
        await page.GotoAsync("/iuran/hitung");
        await page.GetByLabel("Periode", new() { Exact = true }).SelectOptionAsync(thisMonth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hitung Iuran" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-periode")).ToHaveTextAsync("Dihitung");
        var rapel = (await page.Locator("#jumlah-rapel").InnerTextAsync()).Trim();
        Assert.NotEqual("Rp 0", rapel);
        await Assertions.Expect(page.Locator("#tabel-perubahan-terlambat tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#tabel-perubahan-terlambat tbody tr")).ToContainTextAsync(lastMonth);
        await page.GetByLabel("Channel Pembayaran").SelectOptionAsync(new SelectOptionValue { Label = "BRI Virtual Account (BRIVA)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Finalisasi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-periode")).ToHaveTextAsync("Menunggu Pembayaran");
        await Assertions.Expect(page.Locator("#tagihan-rapel")).ToHaveTextAsync(rapel);
        var total = Money(await page.Locator("#total-tagihan").InnerTextAsync());
        var contribution = Money(await page.Locator("#total-iuran").InnerTextAsync());
        Assert.Equal(contribution + Money(rapel), total);

        // Pay through the Simulator Bank: the bill, Rapel included, is paid.
        await page.GetByRole(AriaRole.Link, new() { Name = "Bayar di Simulator Bank" }).ClickAsync();
        await Assertions.Expect(page.Locator("#jumlah-tagihan")).ToContainTextAsync(new Sipp.Domain.Money.Rupiah(total).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Bayar" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-tagihan")).ToHaveTextAsync("Lunas");
        await page.GotoAsync("/iuran/monitoring");
        await Assertions.Expect(page.Locator("#total-semua-rapel")).ToHaveTextAsync(rapel);
    }

    private static long Money(string text) => long.Parse("0" + new string(text.Where(char.IsAsciiDigit).ToArray()), Indonesian);

    public sealed class Fixture : BrowserFixture;
}
