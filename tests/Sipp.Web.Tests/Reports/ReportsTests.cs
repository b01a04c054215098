using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Reports;

/// <summary>
/// The "Laporan" downloads of a paid period, opened with independent readers: their totals equal the stored contribution
/// lines to the rupiah, formula-like text is neutralised, and the receipt's code is accepted by the public check.
/// </summary>
public class ReportsTests(ReportsTests.Fixture fixture) : IClassFixture<ReportsTests.Fixture>
{
    private static readonly Period February = Period.Of(2026, 2);

    [Fact]
    public async Task RincianIuran_InEveryFormat_AddsUpToTheStoredLines()
    {
        var browser = await fixture.PaidAsync();
        var expected = await fixture.LineSumsAsync();

        var csv = ReportFiles.Csv(await DownloadAsync(browser, "rincian-iuran.csv"));
        var semicolon = ReportFiles.Csv(await DownloadAsync(browser, "rincian-iuran.csv?pemisah=titik-koma"), ';');
        var xlsx = ReportFiles.Xlsx(await DownloadAsync(browser, "rincian-iuran.xlsx"));
        var pdf = ReportFiles.PdfPages(await DownloadAsync(browser, "rincian-iuran.pdf"));

        foreach (var rows in new[] { csv, semicolon })
        {
            Assert.Equal(["Nama", "KPJ", "Nomor Pegawai", "Upah", "JHT Pemberi Kerja", "JHT Tenaga Kerja", "JKK", "JKM", "JP Pemberi Kerja", "JP Tenaga Kerja", "Jumlah Iuran"], rows[0]);
            var data = rows[1..^1];
            Assert.Equal(expected.Count, data.Count);
            Assert.Equal("Jumlah", rows[^1][0]);
            Assert.Equal(expected.Sums, rows[^1][3..].Select(ReportFiles.Number));
            Assert.Equal(expected.Sums, Enumerable.Range(3, 8).Select(c => data.Sum(r => ReportFiles.Number(r[c]))));
        }

        var header = xlsx.Rows.FindIndex(r => r.Length > 0 && r[0] == "Nama");
        Assert.Equal(header + 1, xlsx.FrozenRows); // the header row stays in view
        Assert.Equal(expected.Count, xlsx.Rows.Count - header - 2);
        Assert.Equal("Jumlah", xlsx.Rows[^1][0]);
        Assert.Equal(expected.Sums, xlsx.Rows[^1][3..].Select(ReportFiles.Number));
        Assert.All(xlsx.MoneyCellTypes, t => Assert.Equal("Number", t)); // real numbers in the Rupiah format, not text
        Assert.Contains(xlsx.Rows, r => r.Length == 2 && r[0] == "NPP" && r[1] == "10000001");

        Assert.All(pdf, (page, i) =>
        {
            Assert.Contains("Rincian Iuran per Tenaga Kerja", page, StringComparison.Ordinal);
            Assert.Contains("PT Maju Bersama", page, StringComparison.Ordinal);
            Assert.Contains(": 10000001", page, StringComparison.Ordinal);
            Assert.Contains("Februari 2026", page, StringComparison.Ordinal);
            Assert.Contains($"Halaman {i + 1} dari {pdf.Count}", page, StringComparison.Ordinal);
        });
        Assert.Contains($"Jumlah {string.Join(" ", expected.Sums.Select(s => new Rupiah(s).ToString()))}", pdf[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RekapPerProgram_AddsUpToTheBilledContributions()
    {
        var browser = await fixture.PaidAsync();
        var expected = await fixture.LineSumsAsync();

        var csv = ReportFiles.Csv(await DownloadAsync(browser, "rekap-program.csv"));
        var pdf = string.Join(" ", ReportFiles.PdfPages(await DownloadAsync(browser, "rekap-program.pdf")));

        Assert.Equal(["JHT — Jaminan Hari Tua", expected.Sums[1].ToString(Invariant), expected.Sums[2].ToString(Invariant), (expected.Sums[1] + expected.Sums[2]).ToString(Invariant)], csv[1]);
        Assert.Equal(["JP — Jaminan Pensiun", expected.Sums[5].ToString(Invariant), expected.Sums[6].ToString(Invariant), (expected.Sums[5] + expected.Sums[6]).ToString(Invariant)], csv[4]);
        Assert.Equal(expected.Sums[7], ReportFiles.Number(csv[^1][3]));
        Assert.Equal(await fixture.BilledContributionsAsync(), ReportFiles.Number(csv[^1][3]));
        Assert.Contains("JKP — Jaminan Kehilangan Pekerjaan", pdf, StringComparison.Ordinal);
        Assert.Contains(new Rupiah(expected.Sums[7]).ToString(), pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InEnglish_AReportIsWrittenInEnglish_WithAmountsAsIdr()
    {
        var browser = await fixture.PaidAsync();
        await SwitchLanguageAsync(browser); // to English
        try
        {
            var csv = ReportFiles.Csv(await DownloadAsync(browser, "rekap-program.csv"));
            var pdf = string.Join(" ", ReportFiles.PdfPages(await DownloadAsync(browser, "rekap-program.pdf")));

            Assert.Equal(["Programme", "Employer", "Workers", "Amount"], csv[0]);
            Assert.Equal("JHT — Old-age savings", csv[1][0]);
            Assert.Contains("Contributions per programme", pdf, StringComparison.Ordinal);
            Assert.Contains("IDR ", pdf, StringComparison.Ordinal);
        }
        finally
        {
            await SwitchLanguageAsync(browser); // back to Indonesian for the other tests of this client
        }
    }

    private static async Task SwitchLanguageAsync(HttpClient browser)
    {
        var page = await HtmlPage.GetAsync(browser, "/laporan");
        await ((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelectorAll("form[action='/bahasa']").Single()).SubmitAsync(browser);
    }

    [Fact]
    public async Task NewAndLeavingWorkers_AndWages_ListTheRightPeople()
    {
        var browser = await fixture.PaidAsync();

        var joined = ReportFiles.Csv(await DownloadAsync(browser, "tenaga-kerja-baru.csv"));
        var left = ReportFiles.Xlsx(await DownloadAsync(browser, "tenaga-kerja-keluar.xlsx")).Rows;
        var wages = ReportFiles.Csv(await DownloadAsync(browser, "daftar-upah.csv"));

        Assert.Equal(fixture.Joined.Order(), joined[1..^1].Select(r => r[0]).Order());
        Assert.All(joined[1..^1], r => Assert.Matches(@"^\*{12}\d{4}$", r[3])); // NIK masked
        Assert.Equal("2026-02-01", joined[1][4]);
        var header = left.FindIndex(r => r.Length > 0 && r[0] == "Nama");
        Assert.Equal(fixture.Left.Order(), left[(header + 1)..^1].Select(r => r[0]).Order());
        Assert.All(left[(header + 1)..^1], r => Assert.Equal(new DateTime(2026, 2, 20).ToOADate().ToString(Invariant), r[4]));
        var expected = await fixture.LineSumsAsync();
        Assert.Equal(expected.Count, wages.Count - 2);
        Assert.Equal(expected.Sums[0], ReportFiles.Number(wages[^1][4]));
    }

    [Fact]
    public async Task FormulaLikeNames_AreNeutralised_InCsvAndXlsx()
    {
        var browser = await fixture.PaidAsync();

        var csv = ReportFiles.Csv(await DownloadAsync(browser, "rincian-iuran.csv"));
        var xlsx = ReportFiles.Xlsx(await DownloadAsync(browser, "daftar-upah.xlsx"));

        foreach (var injected in Fixture.Injected)
        {
            Assert.Contains(csv, r => r[0] == "'" + injected);
            Assert.Contains(xlsx.Rows, r => r.Length > 0 && r[0] == "'" + injected);
        }

        Assert.DoesNotContain(csv, r => r[0].Length > 0 && r[0][0] is '=' or '+' or '-' or '@');
        Assert.False(xlsx.AnyFormula);
    }

    [Fact]
    public async Task UnduhSemua_OneZip_HoldsEveryAvailableReportOfThePeriod_AsTheSingleDownloadsAre()
    {
        var browser = await fixture.PaidAsync();
        var page = await HtmlPage.GetAsync(browser, $"/laporan?periode={February}");
        var available = page.QuerySelectorAll("#daftar-laporan a[href$='.pdf'], #daftar-laporan a[href$='.xlsx']")
            .Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();
        Assert.Equal($"/laporan/{February}/semua.zip", page.QuerySelector("a[href$='semua.zip']")!.GetAttribute("href"));

        var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await DownloadAsync(browser, "semua.zip")));

        // Each file named as its own download is (slug-NPP-division-period), one per available report and format.
        Assert.Equal(available.Order(), zip.Entries.Select(e => ReportOf(e.Name)).Order());
        await using var wages = zip.Entries.Single(e => e.Name.StartsWith("daftar-upah-", StringComparison.Ordinal) && e.Name.EndsWith(".xlsx", StringComparison.Ordinal)).Open();
        using var copy = new MemoryStream();
        await wages.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(ReportFiles.Xlsx(await DownloadAsync(browser, "daftar-upah.xlsx")).Rows.Count, ReportFiles.Xlsx(copy.ToArray()).Rows.Count);

        static string ReportOf(string entry) => // "daftar-upah-10000001-000-2026-02.xlsx" → "daftar-upah.xlsx"
            System.Text.RegularExpressions.Regex.Replace(entry, @"-\d{8}-\d{3}-\d{4}-\d{2}\.", ".");
    }

    [Fact]
    public async Task TheReceipt_CarriesItsCode_AndThePublicCheckAcceptsIt_ButNotAForgedOne()
    {
        var browser = await fixture.PaidAsync();
        var payment = await fixture.PaymentAsync();

        var pdf = string.Join(" ", ReportFiles.PdfPages(await DownloadAsync(browser, "bukti-pembayaran.pdf")));
        var csv = ReportFiles.Csv(await DownloadAsync(browser, "bukti-pembayaran.csv"));

        Assert.Contains(payment.Bill.KodeIuran, pdf, StringComparison.Ordinal);
        Assert.Contains(payment.ReceiptCode, pdf, StringComparison.Ordinal);
        Assert.Contains(new Rupiah(payment.Amount).ToString(), pdf, StringComparison.Ordinal);
        Assert.Contains("/cek-bukti/" + payment.ReceiptCode, pdf, StringComparison.Ordinal);
        Assert.Contains(["Referensi Bank", payment.Reference], csv);
        // The amount in words, and what it paid for: each program of the month (their sum is what was paid here).
        Assert.Contains(["Terbilang", Sipp.Domain.Money.Terbilang.Of(payment.Amount)], csv);
        var programs = csv.Where(r => r[0] is "Iuran JHT" or "Iuran JKK" or "Iuran JKM" or "Iuran JP").ToList();
        Assert.Equal(4, programs.Count);
        Assert.Equal(payment.Amount, programs.Sum(r => long.Parse(r[1].Replace("Rp ", string.Empty).Replace(".", string.Empty), System.Globalization.CultureInfo.InvariantCulture)));
        using (var semicolon = await browser.GetAsync("/laporan/2026-02/bukti-pembayaran.csv?pemisah=titik-koma", TestContext.Current.CancellationToken))
        {
            Assert.EndsWith("-titik-koma.csv", semicolon.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal); // not the same name as the comma file
        }

        var periodPage = await HtmlPage.GetAsync(browser, "/iuran/2026-02"); // the paid period shows the same facts
        Assert.Equal(payment.ReceiptCode, periodPage.GetElementById("kode-verifikasi")!.TextContent);
        Assert.Equal("/cek-bukti/" + payment.ReceiptCode, periodPage.GetElementById("kode-verifikasi")!.GetAttribute("href"));
        Assert.Contains(payment.Reference, periodPage.GetElementById("pembayaran")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 Maret 2026", periodPage.GetElementById("pembayaran")!.TextContent, StringComparison.Ordinal);

        var anonymous = fixture.Factory.CreateClient();
        var genuine = await HtmlPage.GetAsync(anonymous, "/cek-bukti/" + payment.ReceiptCode);
        var result = genuine.GetElementById("hasil-cek")!.TextContent;
        Assert.Contains("Bukti pembayaran asli", result, StringComparison.Ordinal);
        Assert.Contains(payment.Bill.KodeIuran, result, StringComparison.Ordinal);
        Assert.Contains(new Rupiah(payment.Amount).ToString(), result, StringComparison.Ordinal);
        Assert.DoesNotContain("PT Maju Bersama", genuine.Body!.TextContent, StringComparison.Ordinal); // no company, no people
        Assert.DoesNotContain("10000001", genuine.Body!.TextContent, StringComparison.Ordinal);

        var forged = payment.ReceiptCode[..^1] + (payment.ReceiptCode[^1] == 'A' ? 'B' : 'A');
        var response = await anonymous.GetAsync("/cek-bukti/" + forged, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Kode tidak dikenal", (await HtmlPage.ParseAsync(response)).GetElementById("hasil-cek")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsNeedTheirPeriodComputedOrPaid_AndASignedInCompanyUser()
    {
        var browser = await fixture.PaidAsync();

        var notComputed = await browser.GetAsync("/laporan/2025-06/rincian-iuran.pdf", TestContext.Current.CancellationToken);
        var anonymous = await fixture.Factory.WithoutRedirects(fixture.Factory.NewBrowser()).GetAsync("/laporan/2026-02/rincian-iuran.csv", TestContext.Current.CancellationToken);
        var unknownFormat = await browser.GetAsync("/laporan/2026-02/rincian-iuran.docx", TestContext.Current.CancellationToken);
        var list = await HtmlPage.GetAsync(browser, "/laporan?periode=2025-06");

        Assert.Equal(HttpStatusCode.NotFound, notComputed.StatusCode);
        Assert.Contains("belum dihitung", await notComputed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownFormat.StatusCode);
        Assert.Contains("Terbit setelah iuran periode ini lunas.", list.GetElementById("daftar-laporan")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryDownload_IsAudited_WithWhoAndWhat()
    {
        var browser = await fixture.PaidAsync();

        await DownloadAsync(browser, "daftar-upah.xlsx");

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.Action == "laporan.unduh" && a.EntityId == "daftar-upah").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(events, e => e.ActorUserId is not null && e.After!.Contains("\"format\":\"xlsx\"", StringComparison.Ordinal) && e.After.Contains("2026-02", StringComparison.Ordinal));
    }

    private static readonly IFormatProvider Invariant = System.Globalization.CultureInfo.InvariantCulture;

    private static async Task<byte[]> DownloadAsync(HttpClient browser, string file)
    {
        using var response = await browser.GetAsync($"/laporan/{February}/{file}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Company 10000001 / 000 with February 2026 computed, finalised and paid, two workers joining and two leaving in it.</summary>
    public sealed class Fixture : SeededWebFixture
    {
        public static readonly string[] Injected = ["=HYPERLINK(\"http://contoh.test\",\"klik\")", "+62 Rumus", "-1+1", "@SUM(A1:A2)"];
        private readonly SemaphoreSlim _gate = new(1, 1);
        private HttpClient? _browser;
        private Guid _divisionId;

        public List<string> Joined { get; } = [];

        public List<string> Left { get; } = [];

        public async Task<HttpClient> PaidAsync()
        {
            await _gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                if (_browser is null)
                {
                    await PrepareAsync();
                    var bill = await Factory.BillAsync("10000001", "000", February);
                    await Factory.PayAsync(bill, "2026-03-02");
                    _browser = Factory.NewBrowser();
                    await _browser.ChooseCompanyAsync(await _browser.SignInAsHrdAsync(), "10000001", "000");
                }

                return _browser;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>Sets up the month's changes directly, as the worker pages would have left them.</summary>
        private async Task PrepareAsync()
        {
            _divisionId = await Factory.DivisionAsync("10000001", "000");
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var employments = await db.Employments.Include(e => e.Participant).Where(e => e.DivisionId == _divisionId && e.Participant.Kpj != "90000000001")
                .OrderBy(e => e.Participant.Kpj).Take(8).ToListAsync(TestContext.Current.CancellationToken);
            for (var i = 0; i < Injected.Length; i++)
            {
                employments[i].Participant.FullName = Injected[i];
            }

            foreach (var joining in employments[4..6])
            {
                joining.MembershipStartDate = joining.WorkStartDate = February.FirstDay;
                Joined.Add(joining.Participant.FullName);
            }

            foreach (var leaving in employments[6..8])
            {
                leaving.Status = EmploymentStatus.NonAktif;
                leaving.EndDate = new DateOnly(2026, 2, 20);
                leaving.EndReason = EndReason.MengundurkanDiri;
                Left.Add(leaving.Participant.FullName);
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        public async Task<(int Count, long[] Sums)> LineSumsAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var lines = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ContributionLines.AsNoTracking()
                .Where(l => l.ContributionPeriod.DivisionId == _divisionId && l.ContributionPeriod.Period == February).ToListAsync(TestContext.Current.CancellationToken);
            return (lines.Count, [
                lines.Sum(l => l.Upah), lines.Sum(l => l.JhtEmployer), lines.Sum(l => l.JhtWorker), lines.Sum(l => l.JkkEmployer), lines.Sum(l => l.JkmEmployer),
                lines.Sum(l => l.JpEmployer), lines.Sum(l => l.JpWorker), lines.Sum(l => l.Total)]);
        }

        public async Task<long> BilledContributionsAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Bills
                .Where(b => b.ContributionPeriod.DivisionId == _divisionId && b.ContributionPeriod.Period == February && b.Status == BillStatus.Lunas)
                .Select(b => b.ContributionAmount).SingleAsync(TestContext.Current.CancellationToken);
        }

        public async Task<Payment> PaymentAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Payments.AsNoTracking().Include(p => p.Bill)
                .SingleAsync(p => p.Bill.ContributionPeriod.DivisionId == _divisionId && p.Bill.ContributionPeriod.Period == February, TestContext.Current.CancellationToken);
        }
    }
}
