using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;
using Sipp.Data.Contributions;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Bureaus;

/// <summary>
/// Issue 19, item 2: "Portofolio Klien" shows every division granted to the bureau — and only those — with the shown
/// month's status, workers, amount due and due date, bills late or due this week, waiting verifications and uploads;
/// filters, orders, a CSV of the table as shown, "Buka" into a client, and "Hitung Iuran" for the chosen divisions.
/// </summary>
public class PortfolioTests(PortfolioTests.Fixture fixture) : IClassFixture<PortfolioTests.Fixture>
{
    [Fact]
    public async Task ThePortfolio_ShowsEachGrantedClientsMonth_FiltersSortsExports_AndOpensOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = fixture.Factory;
        var (february, january) = (Period.Of(2026, 2), Period.Of(2026, 1));
        // Three clients: Maju's head office with February billed (due in the week from 10 March), Maju Surabaya with
        // January's bill late and February computed, Sinar Abadi with February not computed.
        var dueSoon = await factory.BillAsync("10000001", "000", february);
        var late = await factory.BillAsync("10000001", "001", january);
        var surabaya = await factory.DivisionAsync("10000001", "001");
        await factory.ComputeAsync(surabaya, february);
        foreach (var (npp, division) in new[] { ("10000001", "000"), ("10000001", "001"), ("10000002", "000") })
        {
            await factory.BureauWithGrantAsync("Biro Portofolio", "Sri Rahayu", npp, division, MembershipRole.Operator);
        }

        await factory.BureauWithGrantAsync("Biro Lain", "Agus Lain", "10000002", "000", MembershipRole.Operator); // another bureau's grant
        factory.Clock.Advance(TimeSpan.FromDays(8)); // 10 March 2026, before anyone signs in
        Assert.InRange(dueSoon.DueDate, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 16));
        var sri = factory.NewBrowser();
        await sri.SignInAsync("sri.rahayu@biro-portofolio.co.id", AccessSteps.Password, phone: null);

        var page = await HtmlPage.GetAsync(sri, "/biro/portofolio?periode=2026-02");
        var rows = page.QuerySelectorAll("#portofolio tbody tr").ToList();
        Assert.Equal(["PT Maju Bersama|10000001-000", "PT Maju Bersama|10000001-001", "CV Sinar Abadi|10000002-000"], rows.Select(Client).OrderBy(c => c.StartsWith("CV", StringComparison.Ordinal)).ToList());
        var head = rows.Single(r => Client(r).EndsWith("-000", StringComparison.Ordinal) && Client(r).StartsWith("PT", StringComparison.Ordinal));
        Assert.Equal(new Rupiah(dueSoon.TotalAmount).ToString(), head.Children[4].TextContent.Trim());
        Assert.Contains("Jatuh tempo minggu ini", head.Children[2].TextContent, StringComparison.Ordinal);
        var branch = rows.Single(r => Client(r).EndsWith("10000001-001", StringComparison.Ordinal));
        Assert.Contains(new Rupiah(late.TotalAmount).ToString(), branch.Children[6].TextContent, StringComparison.Ordinal);
        Assert.Equal(new Rupiah(await TotalAsync(surabaya, february)).ToString(), branch.Children[4].TextContent.Trim());
        Assert.Equal(new Rupiah(dueSoon.TotalAmount + await TotalAsync(surabaya, february)).ToString(), page.QuerySelector("#portofolio tfoot")!.Children[0].Children[4].TextContent.Trim());

        // The three filters.
        Assert.Equal(["PT Maju Bersama|10000001-000"], await ClientsAsync(sri, "?periode=2026-02&saring=jatuh-tempo-minggu-ini"));
        Assert.Equal(["PT Maju Bersama|10000001-001"], await ClientsAsync(sri, "?periode=2026-02&saring=terlambat"));
        Assert.Equal(["CV Sinar Abadi|10000002-000"], await ClientsAsync(sri, "?periode=2026-02&saring=belum-dihitung"));

        // Ordered by the amount due, largest first, and by due date, soonest first (the months without a bill after).
        var byAmount = (await HtmlPage.GetAsync(sri, "/biro/portofolio?periode=2026-02&urut=jumlah")).QuerySelectorAll("#portofolio tbody tr").Select(r => Money(r.Children[4].TextContent)).ToList();
        Assert.Equal(byAmount.OrderByDescending(a => a), byAmount);
        Assert.Equal("PT Maju Bersama|10000001-000", Client((await HtmlPage.GetAsync(sri, "/biro/portofolio?periode=2026-02&urut=jatuh-tempo")).QuerySelectorAll("#portofolio tbody tr").First()));

        // The CSV is the table as shown (here: filtered), with the same amounts, and its download is audited.
        var csv = Reports.ReportFiles.Csv(await sri.GetByteArrayAsync("/biro/portofolio.csv?periode=2026-02&saring=terlambat", ct));
        Assert.Equal("10000001", csv[1][0]);
        Assert.Equal("001 — Cabang Surabaya", csv[1][2]);
        Assert.Equal(late.TotalAmount, Reports.ReportFiles.Number(csv[1][9]));
        Assert.Equal(3, csv.Count); // the heading, Surabaya, and the total row of the money columns
        Assert.Equal(late.TotalAmount, Reports.ReportFiles.Number(csv[^1][9]));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.AnyAsync(a => a.Action == "laporan.unduh" && a.EntityId == "portofolio-klien", ct));
        }

        // Hitung Iuran for Sinar Abadi from the portfolio (without script: one post), then "Buka" into it.
        var sinar = await factory.DivisionAsync("10000002", "000");
        var computed = await BureauForms.PostAsync(sri, "/biro/portofolio", "Compute", ("periode", "2026-02"), ("divisi", sinar.ToString()));
        Assert.Equal("ya", computed.QuerySelector("#hasil-hitung li")!.GetAttribute("data-selesai"));
        Assert.Empty(await ClientsAsync(sri, "?periode=2026-02&saring=belum-dihitung"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Computed in the client's own scope, and audited there in Sri's name, for her bureau, on behalf of the client.
            var audited = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.SingleAsync(a => a.Action == "iuran.hitung" && a.DivisionId == sinar, ct);
            Assert.Equal("Sri Rahayu (Biro Portofolio) atas nama CV Sinar Abadi", audited.ActorName);
        }

        var open = computed.QuerySelector($"button[form=buka][value='{sinar}']")!;
        Assert.Equal("Buka CV Sinar Abadi divisi 000", open.GetAttribute("aria-label"));
        var opened = await HtmlPage.ParseAsync(await sri.PostAsync("/pilih-perusahaan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["divisionId"] = open.GetAttribute("value")!, ["ReturnUrl"] = computed.QuerySelector("#buka input[name=ReturnUrl]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = computed.QuerySelector("#buka input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }), ct));
        Assert.Contains("CV Sinar Abadi", opened.GetElementById("perusahaan-aktif")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Dihitung", opened.GetElementById("status-periode")!.TextContent.Trim());

        // The other bureau sees only its own client; a person of no bureau is sent to Biro.
        var agus = factory.NewBrowser();
        await agus.SignInAsync("agus.lain@biro-lain.co.id", AccessSteps.Password, phone: null);
        Assert.Equal(["CV Sinar Abadi|10000002-000"], await ClientsAsync(agus, "?periode=2026-02"));
        var hr = factory.NewBrowser();
        await hr.SignInAsHrdAsync();
        Assert.NotNull((await HtmlPage.GetAsync(hr, "/biro/portofolio")).GetElementById("form-daftar-biro") ?? (await HtmlPage.GetAsync(hr, "/biro")).GetElementById("bukan-staf-biro"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, await hr.StatusOfAsync("/biro/portofolio.csv"));
    }

    private static string Client(AngleSharp.Dom.IElement row)
    {
        var cell = row.QuerySelector("th")!;
        var company = cell.ChildNodes[0].TextContent.Trim();
        return $"{company}|{cell.QuerySelector("span")!.TextContent.Split(' ')[0]}";
    }

    private static async Task<List<string>> ClientsAsync(HttpClient browser, string query) =>
        (await HtmlPage.GetAsync(browser, "/biro/portofolio" + query)).QuerySelectorAll("#portofolio tbody tr").Select(Client).ToList();

    private static long Money(string text) => long.Parse(new string(text.Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<long> TotalAsync(Guid division, Period period)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ContributionPeriods.Where(p => p.DivisionId == division && p.Period == period).Select(p => p.Total).SingleAsync();
    }

    public sealed class Fixture : SeededWebFixture;
}
