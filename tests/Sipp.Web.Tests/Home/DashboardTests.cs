using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Home;

/// <summary>"Beranda" after choosing a company: the division's figures, what is due, the last twelve months and the month's tasks.</summary>
public class DashboardTests(DashboardTests.Fixture fixture) : IClassFixture<DashboardTests.Fixture>
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [Fact]
    public async Task TheDashboard_ShowsWorkers_TheMonthsStatus_TheUnpaidBill_AndTwelveMonths()
    {
        var divisionId = await fixture.Factory.DivisionAsync("10000001", "001");
        int active, waiting;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var pending = await db.Employments.Where(e => e.DivisionId == divisionId).OrderBy(e => e.Id).FirstAsync(TestContext.Current.CancellationToken);
            pending.Status = EmploymentStatus.MenungguVerifikasi; // as a newly added worker is
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            active = await db.Employments.CountAsync(e => e.DivisionId == divisionId && e.Status == EmploymentStatus.Aktif, TestContext.Current.CancellationToken);
            waiting = await db.Employments.CountAsync(e => e.DivisionId == divisionId && e.Status == EmploymentStatus.MenungguVerifikasi, TestContext.Current.CancellationToken);
        }

        var bill = await fixture.Factory.BillAsync("10000001", "001", Period.Of(2026, 2));
        var browser = fixture.Factory.NewBrowser();
        var home = await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "001");
        home = await HtmlPage.GetAsync(browser, "/");

        Assert.Equal(active.ToString("#,0", Indonesian), home.GetElementById("tk-aktif")!.TextContent);
        Assert.Equal(waiting.ToString("#,0", Indonesian), home.GetElementById("tk-menunggu")!.TextContent);
        Assert.Equal("Belum Dihitung", home.GetElementById("status-bulan-ini")!.TextContent); // March 2026, the month of the test clock
        Assert.Equal(new Rupiah(bill.TotalAmount).ToString(), home.GetElementById("tagihan-jumlah")!.TextContent);
        Assert.Equal("Jatuh tempo " + bill.DueDate.ToString("d MMMM yyyy", Indonesian), home.GetElementById("tagihan-jatuh-tempo")!.TextContent);
        var months = home.QuerySelectorAll("#tabel-program tbody tr").ToList();
        Assert.Equal(12, months.Count);
        var february = months.Single(r => r.Children[0].TextContent == "Februari 2026");
        Assert.Equal(new Rupiah(bill.ContributionAmount).ToString(),
            new Rupiah(february.QuerySelectorAll("td").Sum(td => long.Parse(td.GetAttribute("data-value")!, CultureInfo.InvariantCulture))).ToString());
        Assert.NotNull(home.QuerySelector("canvas#grafik-program"));
        Assert.Equal(["Hitung Iuran", "Tambah Tenaga Kerja", "Upload Tenaga Kerja", "Monitoring Iuran", "Laporan"],
            home.QuerySelectorAll("#pintasan a").Select(a => a.TextContent).Take(5));
    }

    public sealed class Fixture : SeededWebFixture;
}
