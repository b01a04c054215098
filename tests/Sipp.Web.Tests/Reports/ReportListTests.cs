using Sipp.Domain.Periods;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Reports;

/// <summary>The period choice of "Laporan" shows each month's status as the period pages do.</summary>
public class ReportListTests
{
    [Fact]
    public async Task EachMonth_ShowsItsStatus_AnUnpaidBillPastItsDueDateAsTerlambat()
    {
        await using var factory = await SippWebFactory.CreateAsync(nameof(ReportListTests), environment: "Development", settings: new Dictionary<string, string?>
        {
            ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false",
        });
        var late = await factory.BillAsync("10000002", "000", Period.Of(2026, 1)); // due in February; the clock says 2 March
        await factory.ComputeAsync(await factory.DivisionAsync("10000002", "000"), Period.Of(2026, 2));
        var browser = factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000002", "000");

        var page = await HtmlPage.GetAsync(browser, "/laporan");

        var options = page.QuerySelectorAll("#periode option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(24, options.Count);
        Assert.Equal(["Maret 2026 — Belum Dihitung", "Februari 2026 — Dihitung", "Januari 2026 — Terlambat", "Desember 2025 — Belum Dihitung"], options[..4]);
        Assert.True(late.DueDate < new DateOnly(2026, 3, 2));
    }
}
