using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Identifiers;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>Hitung Iuran, Koreksi, Finalisasi and Batal Finalisasi through the pages, as an HR operator does them.</summary>
public class ContributionPeriodTests(ContributionPeriodTests.Fixture fixture) : IClassFixture<ContributionPeriodTests.Fixture>
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [Fact]
    public async Task Computing_StoresALinePerActiveWorker_WithEachShareOfItsWage_AndTotalsThatAddUp()
    {
        var browser = await fixture.OperatorAsync("10000001", "000");

        var page = await ComputeAsync(browser, "2026-02");

        Assert.Equal("Dihitung", page.GetElementById("status-periode")!.TextContent.Trim());
        var rows = Rows(page);
        Assert.NotEmpty(rows);
        Assert.Equal(await ActiveWorkersAsync("10000001", "000", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), Number(page.GetElementById("jumlah-tk")!.TextContent));
        foreach (var row in rows)
        {
            var upah = Money(row[2]);
            Assert.Equal(Percent(upah, 3.7m) + Percent(upah, 2m), Money(row[3])); // JHT 3.7% + 2%, rounded separately
            Assert.Equal(Percent(upah, 0.54m), Money(row[4])); // JKK class II
            Assert.Equal(Percent(upah, 0.30m), Money(row[5]));
            var jpBase = Math.Min(upah, 10_547_400); // the JP cap of 2026-02
            Assert.True(Money(row[6]) == Percent(jpBase, 2m) + Percent(jpBase, 1m) || row[6].EndsWith('*'), row[6]);
            Assert.Equal(Money(row[3]) + Money(row[4]) + Money(row[5]) + Money(row[6]), Money(row[7]));
        }

        // The total is the sum of every line, on every page of 50.
        var workers = Number(page.GetElementById("jumlah-tk")!.TextContent);
        var all = new List<string[]>(rows);
        for (var number = 2; (number - 1) * 50 < workers; number++)
        {
            all.AddRange(Rows(await HtmlPage.GetAsync(browser, $"/iuran/2026-02?halaman={number}")));
        }

        Assert.True(workers > 50, "the division has more than one page of lines");
        Assert.Equal(workers, all.Count);
        Assert.Equal(all.Sum(r => Money(r[7])), Money(page.GetElementById("total-iuran")!.TextContent));
    }

    [Fact]
    public async Task WagesBelowTheRegionsMinimumWage_AreWarnedAbout_ButStillCounted()
    {
        var browser = await fixture.OperatorAsync("10000001", "001"); // the seed gives Surabaya an example minimum wage

        var page = await ComputeAsync(browser, "2025-12");

        int below;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            below = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ContributionLines
                .CountAsync(l => l.ContributionPeriod.Period == Sipp.Domain.Periods.Period.Of(2025, 12) && l.ContributionPeriod.Division.Code == "001"
                    && l.ContributionPeriod.Division.Company.Npp == "10000001" && l.Upah < DevelopmentSeedMinimumWage, TestContext.Current.CancellationToken);
        }

        Assert.True(below > 0, "the seed should have wages under the example minimum wage");
        Assert.Contains($"Upah {below.ToString("#,0", Indonesian)} tenaga kerja di bawah upah minimum wilayah 3578 (Rp 4.961.753)", page.GetElementById("peringatan")!.TextContent, StringComparison.Ordinal);
        var rows = Rows(page);
        var marked = rows.Where(r => r[2].Contains("di bawah upah minimum", StringComparison.Ordinal)).ToList();
        Assert.All(marked, r => Assert.True(Money(r[2]) < DevelopmentSeedMinimumWage, r[2]));
        Assert.All(rows.Except(marked), r => Assert.True(Money(r[2]) >= DevelopmentSeedMinimumWage, r[2]));
        Assert.All(marked, r => Assert.Equal(Percent(Money(r[2]), 0.54m), Money(r[4]))); // still computed on the reported wage
    }

    private const long DevelopmentSeedMinimumWage = Sipp.Web.Infrastructure.Data.DevelopmentSeed.ExampleMinimumWage;

    [Fact]
    public async Task TheLines_CanBeSearchedByKpjOrName_ToFindTheWorkerToCorrect()
    {
        var browser = await fixture.OperatorAsync("10000001", "000");
        var page = await ComputeAsync(browser, "2026-03");
        var someone = Rows(page)[7];

        var byKpj = await HtmlPage.GetAsync(browser, $"/iuran/2026-03?Cari={someone[1]}");
        var surname = someone[0].Split(' ')[^1];
        var byName = await HtmlPage.GetAsync(browser, $"/iuran/2026-03?Cari={Uri.EscapeDataString(surname.ToLowerInvariant())}");

        Assert.Equal([someone[0]], Rows(byKpj).Select(r => r[0]));
        Assert.StartsWith("1 tenaga kerja cocok", byKpj.GetElementById("hasil-cari")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(Rows(byName));
        Assert.All(Rows(byName), r => Assert.Contains(surname, r[0], StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task APeriodNotYetStarted_OrBefore2022_IsRefused()
    {
        var browser = await fixture.OperatorAsync("10000001", "000");

        var future = await SubmitComputeAsync(browser, "2026-04");
        var early = await SubmitComputeAsync(browser, "2021-12");

        Assert.Contains("belum berjalan", future.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2022-01", early.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Koreksi_ChangesOneWorkersWageForThePeriodOnly_AndSurvivesARecompute()
    {
        var browser = await fixture.OperatorAsync("10000001", "001");
        var page = await ComputeAsync(browser, "2026-01");
        var before = Money(page.GetElementById("total-iuran")!.TextContent);
        var link = page.QuerySelectorAll("#rincian a").First(a => a.TextContent == "Koreksi");
        var name = link.Closest("tr")!.Children[0].TextContent;
        var oldWage = Money(link.Closest("tr")!.Children[2].TextContent);
        var form = await HtmlPage.GetAsync(browser, link.GetAttribute("href")!);

        var corrected = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, new Dictionary<string, string> { ["Upah periode ini"] = "12.000.000" }));

        var row = Rows(corrected).Single(r => r[0] == name);
        Assert.StartsWith("Rp 12.000.000 (koreksi)", row[2], StringComparison.Ordinal);
        Assert.Matches(@"^[A-Z][^@,]+, \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB$", row[2]["Rp 12.000.000 (koreksi)".Length..]); // who corrected it (by name), and when
        Assert.Equal(Percent(12_000_000, 0.54m), Money(row[4]));
        var difference = Money(corrected.GetElementById("total-iuran")!.TextContent) - before;
        Assert.Equal(TotalFor(12_000_000) - TotalFor(oldWage), difference);
        Assert.Contains("dikoreksi khusus untuk periode ini", corrected.GetElementById("peringatan")!.TextContent, StringComparison.Ordinal);

        var recomputed = await ComputeAsync(browser, "2026-01");
        Assert.StartsWith("Rp 12.000.000 (koreksi)", Rows(recomputed).Single(r => r[0] == name)[2], StringComparison.Ordinal);
        Assert.Contains("(perhitungan ke-2)", recomputed.GetElementById("waktu-hitung")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Number(recomputed.GetElementById("jumlah-tk")!.TextContent), await StoredLinesAsync("10000001", "001", Sipp.Domain.Periods.Period.Of(2026, 1)));
    }

    /// <summary>The lines stored for the period, whichever computation wrote them: a recompute leaves one per worker.</summary>
    private async Task<int> StoredLinesAsync(string npp, string division, Sipp.Domain.Periods.Period period)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ContributionLines.CountAsync(
            l => l.ContributionPeriod.Period == period && l.ContributionPeriod.Division.Code == division && l.ContributionPeriod.Division.Company.Npp == npp,
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Finalisasi_IssuesABill_BlocksRecompute_AndBatalFinalisasiVoidsIt()
    {
        var browser = await fixture.OperatorAsync("10000002", "000");
        var computed = await ComputeAsync(browser, "2026-02");
        var total = computed.GetElementById("total-iuran")!.TextContent;

        var final = await FinalizeAsync(browser, computed, "BRI_VA");

        Assert.Equal("Menunggu Pembayaran", final.GetElementById("status-periode")!.TextContent.Trim());
        var kode = final.GetElementById("kode-iuran")!.TextContent.Trim();
        Assert.True(KodeIuran.TryParse(kode, out _, out var error), error); // 11 digits, Luhn check digit
        Assert.Equal(total, final.GetElementById("total-tagihan")!.TextContent); // no fines carried yet
        Assert.Contains("16 Maret 2026", final.GetElementById("tagihan")!.TextContent, StringComparison.Ordinal); // the 15th is a Sunday
        Assert.Contains(kode, final.GetElementById("instruksi-bayar")!.TextContent, StringComparison.Ordinal);
        Assert.Null(final.GetElementById("form-finalisasi"));
        Assert.Empty(final.QuerySelectorAll("#rincian a"));

        var recompute = await SubmitComputeAsync(browser, "2026-02");
        Assert.Contains("sudah final", recompute.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);

        // The first click only says what it means: the bill, its amount, that a payment with this code will be refused.
        var cancelForm = (IHtmlFormElement)final.QuerySelectorAll("form").Single(f => f.TextContent.Contains("Batal Finalisasi", StringComparison.Ordinal));
        var asked = await HtmlPage.ParseAsync(await HtmlPage.SubmitAsync(cancelForm, browser));
        Assert.Equal(final.GetElementById("status-periode")!.TextContent.Trim(), asked.GetElementById("status-periode")!.TextContent.Trim()); // nothing changed yet
        var question = asked.GetElementById("konfirmasi-batal")!.TextContent;
        Assert.Contains(kode, question, StringComparison.Ordinal);
        Assert.Contains(asked.GetElementById("total-tagihan")!.TextContent.Trim(), question, StringComparison.Ordinal);
        Assert.Contains("bank akan menolak", question, StringComparison.Ordinal);
        var confirm = (IHtmlFormElement)asked.GetElementById("konfirmasi-batal")!.QuerySelector("form")!;
        var cancelled = await HtmlPage.ParseAsync(await HtmlPage.SubmitAsync(confirm, browser));
        Assert.Equal("Dihitung", cancelled.GetElementById("status-periode")!.TextContent.Trim());
        Assert.Null(cancelled.GetElementById("tagihan"));
        var again = await FinalizeAsync(browser, cancelled, "BNI_VA");
        Assert.NotEqual(kode, again.GetElementById("kode-iuran")!.TextContent.Trim());

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var secondKode = again.GetElementById("kode-iuran")!.TextContent.Trim();
        var bills = await db.Bills.Where(b => b.KodeIuran == kode || b.KodeIuran == secondKode).ToDictionaryAsync(b => b.KodeIuran, b => b.Status, TestContext.Current.CancellationToken);
        Assert.Equal(BillStatus.Dibatalkan, bills[kode]);
        Assert.Equal(BillStatus.MenungguPembayaran, bills[secondKode]);
    }

    [Fact]
    public async Task Finalisasi_WithoutAChannel_IsRefusedWithAReason()
    {
        var browser = await fixture.OperatorAsync("10000002", "000");
        var computed = await ComputeAsync(browser, "2026-01");

        var refused = await FinalizeAsync(browser, computed, string.Empty);

        Assert.Contains("Pilih Channel Pembayaran", refused.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Dihitung", refused.GetElementById("status-periode")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnotherCompanysWorker_CannotBeCorrected()
    {
        var browser = await fixture.OperatorAsync("10000001", "000");
        await ComputeAsync(browser, "2026-03");
        Guid foreign;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            foreign = await db.Employments.Where(e => e.Division.Company.Npp == "10000002").Select(e => e.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.NotFound, await browser.StatusOfAsync($"/iuran/2026-03/koreksi/{foreign}"));
    }

    private static async Task<IDocument> ComputeAsync(HttpClient browser, string period)
    {
        var page = await SubmitComputeAsync(browser, period);
        Assert.True(page.GetElementById("status-periode") is not null, page.QuerySelector(".alert-danger")?.TextContent ?? page.Url);
        return page;
    }

    private static async Task<IDocument> SubmitComputeAsync(HttpClient browser, string period)
    {
        var form = await HtmlPage.GetAsync(browser, "/iuran/hitung");
        return await HtmlPage.ParseAsync(await form.SubmitAsync(browser, new Dictionary<string, string> { ["Periode"] = period }));
    }

    private static async Task<IDocument> FinalizeAsync(HttpClient browser, IDocument page, string channel) =>
        await HtmlPage.ParseAsync(await page.SubmitAsync(browser, new Dictionary<string, string> { ["Channel Pembayaran"] = channel }));

    private async Task<int> ActiveWorkersAsync(string npp, string division, DateOnly first, DateOnly last)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        return await db.Employments.CountAsync(
            e => e.Division.Company.Npp == npp && e.Division.Code == division && e.Participant.Kpj != null
                && e.MembershipStartDate <= last && (e.EndDate == null || e.EndDate >= first),
            TestContext.Current.CancellationToken);
    }

    private static List<string[]> Rows(IDocument page) =>
        page.QuerySelectorAll("#rincian tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static long Money(string text) => long.Parse(new string(text.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);

    private static int Number(string text) => int.Parse(text, NumberStyles.AllowThousands, Indonesian);

    /// <summary>The share, rounded half away from zero to the rupiah, in decimal arithmetic independent of the engine.</summary>
    private static long Percent(long upah, decimal percent) => (long)Math.Round(upah * percent / 100m, MidpointRounding.AwayFromZero);

    private static long TotalFor(long upah) =>
        Percent(upah, 3.7m) + Percent(upah, 2m) + Percent(upah, 0.54m) + Percent(upah, 0.30m) + Percent(Math.Min(upah, 10_547_400), 2m) + Percent(Math.Min(upah, 10_547_400), 1m);

    public sealed class Fixture : SeededWebFixture
    {
        public async Task<HttpClient> OperatorAsync(string npp, string division)
        {
            var browser = Factory.NewBrowser();
            await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), npp, division);
            return browser;
        }
    }
}
