using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>"Monitoring Iuran" after a few months of work: statuses, totals and the numbers behind both charts.</summary>
public class MonitoringTests(MonitoringTests.Fixture fixture) : IClassFixture<MonitoringTests.Fixture>
{
    [Fact]
    public async Task EachPeriodShowsItsStatus_BillAndPayment_AndTheTotalsAddUp()
    {
        // The clock stands at 2 March 2026: 2025-12 paid on time, 2026-01 final and past its due date (16 Feb), 2026-02 final
        // and not yet due, 2026-03 computed only; earlier months of the last year were never computed.
        var paid = await fixture.BillAsync(Period.Of(2025, 12));
        await fixture.PayAsync(paid, "2026-01-14");
        var late = await fixture.BillAsync(Period.Of(2026, 1));
        var waiting = await fixture.BillAsync(Period.Of(2026, 2));
        await fixture.ComputeAsync(Period.Of(2026, 3));
        var browser = fixture.Factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "000");

        var page = await HtmlPage.GetAsync(browser, "/iuran/monitoring");

        var rows = page.QuerySelectorAll("#monitoring tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children.Select(c => c.TextContent.Trim()).ToArray());
        Assert.Equal("Lunas", rows["Desember 2025"][11]);
        Assert.Equal("14/01/2026", rows["Desember 2025"][10]);
        Assert.Equal(paid.KodeIuran, rows["Desember 2025"][8]);
        Assert.Equal("Terlambat", rows["Januari 2026"][11]);
        Assert.Equal("Menunggu Pembayaran", rows["Februari 2026"][11]);
        Assert.Equal(waiting.KodeIuran, rows["Februari 2026"][8]);
        Assert.Equal("Dihitung", rows["Maret 2026"][11]);
        Assert.Equal("Belum Dihitung", rows["April 2025"][11]);
        Assert.Equal(12, rows.Count); // April 2025 … March 2026
        Assert.Equal(rows.Values.Sum(r => Money(r[2])), Money(page.GetElementById("total-semua-iuran")!.TextContent));
        Assert.Equal(paid.TotalAmount + late.TotalAmount + waiting.TotalAmount, Money(page.GetElementById("total-semua-tagihan")!.TextContent));

        // The chart tables hold the same numbers as the periods' pages.
        var program = page.QuerySelectorAll("#tabel-program tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children.Skip(1).Select(c => Money(c.TextContent)).ToArray());
        Assert.Equal(12, program.Count);
        var february = await HtmlPage.GetAsync(browser, "/iuran/2026-02");
        var totals = february.QuerySelectorAll("#total-program tbody tr").Select(r => Money(r.Children[3].TextContent)).ToArray();
        Assert.Equal(totals, program["Februari 2026"]);
        Assert.Equal(Money(february.GetElementById("total-iuran")!.TextContent), program["Februari 2026"].Sum());
        var timeliness = page.QuerySelectorAll("#tabel-ketepatan tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[3].TextContent.Trim());
        Assert.Equal("0", timeliness["Desember 2025"]);
        Assert.Equal("belum dibayar", timeliness["Januari 2026"]);
        Assert.NotNull(page.QuerySelector("script[src^='/lib/chartjs/chart.umd.min.js']"));
    }

    private static long Money(string text) => long.Parse("0" + new string(text.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);

    public sealed class Fixture : SeededWebFixture
    {
        public async Task ComputeAsync(Period period) => await Factory.ComputeAsync(await Factory.DivisionAsync("10000001", "000"), period);

        public Task<Bill> BillAsync(Period period) => Factory.BillAsync("10000001", "000", period);

        public Task PayAsync(Bill bill, string paidOn) => Factory.PayAsync(bill, paidOn);
    }
}
