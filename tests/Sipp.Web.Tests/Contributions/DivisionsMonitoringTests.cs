using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>
/// Issue 19, item 4: "Monitoring Iuran Semua Divisi" shows one month of every division of the current company the user
/// belongs to, with totals and the bills past due — never another company's division, nor one the user is not a member of.
/// </summary>
public class DivisionsMonitoringTests(DivisionsMonitoringTests.Fixture fixture) : IClassFixture<DivisionsMonitoringTests.Fixture>
{
    [Fact]
    public async Task EveryDivisionOfTheCompany_TheUserBelongsTo_InOneTable_WithTotals()
    {
        var february = Period.Of(2026, 2);
        var head = await fixture.Factory.DivisionAsync("10000001", "000");
        var surabaya = await fixture.Factory.DivisionAsync("10000001", "001");
        var late = await fixture.Factory.BillAsync("10000001", "000", Period.Of(2025, 12)); // due in January: past due now
        await fixture.Factory.ComputeAsync(head, february);
        await fixture.Factory.ComputeAsync(surabaya, february);
        var sinar = await fixture.Factory.DivisionAsync("10000002", "000");
        await fixture.Factory.ComputeAsync(sinar, february); // the same user's other company

        // The HR user, Admin of both divisions of PT Maju Bersama (and of CV Sinar Abadi), working in the head office.
        var hr = await fixture.HrAsync("10000001", "000");
        var page = await HtmlPage.GetAsync(hr, "/iuran/monitoring/semua-divisi?periode=2026-02");
        var rows = page.QuerySelectorAll("#monitoring-divisi tbody tr").ToList();
        Assert.Equal(["000 — Kantor Pusat", "001 — Cabang Surabaya"], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        var (headTotal, surabayaTotal) = (await TotalAsync(head, february), await TotalAsync(surabaya, february));
        Assert.Equal(new Rupiah(headTotal).ToString(), rows[0].Children[4].TextContent.Trim());
        Assert.Equal(new Rupiah(surabayaTotal).ToString(), rows[1].Children[4].TextContent.Trim());
        Assert.Equal(new Rupiah(headTotal + surabayaTotal).ToString(), page.QuerySelector("#monitoring-divisi tfoot")!.Children[0].Children[4].TextContent.Trim());
        Assert.Contains(new Rupiah(late.TotalAmount).ToString(), rows[0].Children[9].TextContent, StringComparison.Ordinal);
        Assert.Equal("–", rows[1].Children[9].TextContent.Trim());

        // One click into Surabaya's own February (the choice is Pilih Perusahaan's, with its checks).
        var open = (AngleSharp.Html.Dom.IHtmlFormElement)page.GetElementById("buka-001")!;
        Assert.Null(page.GetElementById("buka-000")); // the division already open
        var surabayaPage = await HtmlPage.ParseAsync(await open.SubmitAsync(hr));
        Assert.Contains("001 — Cabang Surabaya", surabayaPage.GetElementById("perusahaan-aktif")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(new Rupiah(surabayaTotal).ToString(), surabayaPage.Body!.TextContent, StringComparison.Ordinal);
        await hr.ChooseCompanyAsync(await HtmlPage.GetAsync(hr, "/pilih-perusahaan"), "10000001", "000");

        // The same month as a report: a row per division and the total, in each format, audited.
        var csv = Sipp.Web.Tests.Reports.ReportFiles.Csv(await hr.GetByteArrayAsync("/laporan/2026-02/semua-divisi.csv", TestContext.Current.CancellationToken));
        Assert.Equal(["000 — Kantor Pusat", "001 — Cabang Surabaya"], csv.Skip(1).SkipLast(1).Select(r => r[0]));
        Assert.Equal(headTotal + surabayaTotal, Sipp.Web.Tests.Reports.ReportFiles.Number(csv[^1][7]));
        Assert.Equal("%PDF"u8.ToArray(), (await hr.GetByteArrayAsync("/laporan/2026-02/semua-divisi.pdf", TestContext.Current.CancellationToken))[..4]);
        Assert.Equal("PK"u8.ToArray(), (await hr.GetByteArrayAsync("/laporan/2026-02/semua-divisi.xlsx", TestContext.Current.CancellationToken))[..2]);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents
                .CountAsync(a => a.Action == "laporan.unduh" && a.EntityId == "semua-divisi" && a.DivisionId == head, TestContext.Current.CancellationToken));
        }

        // Beranda shows this month of both divisions; a user of one division has no such section.
        var home = await HtmlPage.GetAsync(hr, "/");
        Assert.Equal(["000 — Kantor Pusat", "001 — Cabang Surabaya"], home.QuerySelectorAll("#semua-divisi tbody th").Select(h => h.TextContent.Trim()));

        // A Pemantau of the head office only sees the head office.
        var viewer = fixture.Factory.NewBrowser();
        await fixture.SignInWithRoleAsync(viewer, "10000001", "000", MembershipRole.Pemantau);
        var own = await HtmlPage.GetAsync(viewer, "/iuran/monitoring/semua-divisi?periode=2026-02");
        Assert.Equal(["000 — Kantor Pusat"], own.QuerySelectorAll("#monitoring-divisi tbody tr th").Select(h => h.TextContent.Trim()));
        Assert.Null((await HtmlPage.GetAsync(viewer, "/")).GetElementById("semua-divisi"));
        var ownCsv = Sipp.Web.Tests.Reports.ReportFiles.Csv(await viewer.GetByteArrayAsync("/laporan/2026-02/semua-divisi.csv", TestContext.Current.CancellationToken));
        Assert.Equal(["000 — Kantor Pusat"], ownCsv.Skip(1).SkipLast(1).Select(r => r[0]));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, await hr.StatusOfAsync("/iuran/monitoring/semua-divisi?periode=2026-13"));
    }

    [Fact]
    public async Task HitungIuran_ForTheChosenDivisions_ComputesEachWhereTheUserMay_AndNamesTheRest()
    {
        var march = Period.Of(2026, 3);
        var (head, surabaya, sinar) = (await fixture.Factory.DivisionAsync("10000001", "000"), await fixture.Factory.DivisionAsync("10000001", "001"), await fixture.Factory.DivisionAsync("10000002", "000"));
        var hr = await fixture.HrAsync("10000001", "000");
        var page = await HtmlPage.GetAsync(hr, "/iuran/monitoring/semua-divisi?periode=2026-03");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.GetElementById("hitung-divisi")!;
        foreach (var box in form.QuerySelectorAll("input[name=divisi]"))
        {
            box.SetAttribute("checked", "checked");
        }

        // Both divisions computed, each by the page's own handler; the table shows them computed.
        var after = await HtmlPage.ParseAsync(await form.SubmitAsync(hr));
        var results = after.QuerySelectorAll("#hasil-hitung li").ToList();
        Assert.True(results.All(r => r.GetAttribute("data-selesai") == "ya") && results.Count == 2, string.Join(" | ", results.Select(r => r.TextContent)));
        Assert.Contains(new Rupiah(await TotalAsync(head, march)).ToString(), results[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(new Rupiah(await TotalAsync(surabaya, march)).ToString(), results[1].TextContent, StringComparison.Ordinal);
        Assert.All(after.QuerySelectorAll("#monitoring-divisi tbody tr"), r => Assert.Contains("Dihitung", r.TextContent, StringComparison.Ordinal));

        // Another company's division, by its id, though the user is its Admin too: named and left alone.
        var foreign = await ApiFormPostAsync(hr, sinar);
        Assert.Equal("tidak", foreign.QuerySelector("#hasil-hitung li")!.GetAttribute("data-selesai"));
        Assert.False(await ComputedAsync(sinar, march));

        // A Pemantau sees the divisions without the compute button, and a crafted post computes nothing.
        var viewer = fixture.Factory.NewBrowser();
        await fixture.SignInWithRoleAsync(viewer, "10000001", "000", MembershipRole.Pemantau);
        Assert.Empty((await HtmlPage.GetAsync(viewer, "/iuran/monitoring/semua-divisi")).QuerySelectorAll("#hitung-divisi button, #hitung-divisi input[type=checkbox]"));
        var refused = await ApiFormPostAsync(viewer, head, "2026-01");
        Assert.Contains("tidak boleh menghitung", refused.QuerySelector("#hasil-hitung li")!.TextContent, StringComparison.Ordinal);
        Assert.False(await ComputedAsync(head, Period.Of(2026, 1)));
    }

    /// <summary>Posts "Hitung Iuran" for one division id, as a crafted request would.</summary>
    private static async Task<AngleSharp.Dom.IDocument> ApiFormPostAsync(HttpClient browser, Guid division, string period = "2026-03")
    {
        var page = await HtmlPage.GetAsync(browser, "/iuran/monitoring/semua-divisi?periode=" + period);
        var token = page.QuerySelector("#hitung-divisi input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await HtmlPage.ParseAsync(await browser.PostAsync("/iuran/monitoring/semua-divisi?handler=Compute", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["periode"] = period, ["divisi"] = division.ToString(), ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken));
    }

    private async Task<bool> ComputedAsync(Guid division, Period period)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ContributionPeriods.AnyAsync(p => p.DivisionId == division && p.Period == period, TestContext.Current.CancellationToken);
    }

    private async Task<long> TotalAsync(Guid division, Period period)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ContributionPeriods
            .Where(p => p.DivisionId == division && p.Period == period).Select(p => p.Total).SingleAsync(TestContext.Current.CancellationToken);
    }

    public sealed class Fixture : SeededWebFixture;
}
