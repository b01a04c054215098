using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;
using Sipp.Web.Tests.Reports;
using Sipp.Web.Tests.Workers.Uploads;

namespace Sipp.Web.Tests.Contributions;

/// <summary>
/// Changes that reach into final or paid months (iuran.md §7), end to end on each database: entered through the forms
/// and the uploads after January and February are paid, billed on March's bill, cancelled and finalised again, paid
/// late, and found in the period page, the monitoring, the reports and the audit trail. Every expected amount is asked
/// of the public calculator (the same figures a user would check), never computed here.
/// </summary>
public class LateChangesTests
{
    private static readonly IFormatProvider Invariant = System.Globalization.CultureInfo.InvariantCulture;
    private static readonly Period January = Period.Of(2026, 1);
    private static readonly Period February = Period.Of(2026, 2);
    private static readonly Period March = Period.Of(2026, 3);

    [Theory]
    [DatabaseData]
    public async Task RaisesLateJoinersAndLateLeavers_FromFormsAndUploads_AreBilledOnTheNextBill_PaidWithTheirFines_AndReported(DatabaseProvider provider)
    {
        await using var factory = await CreateAsync(nameof(RaisesLateJoinersAndLateLeavers_FromFormsAndUploads_AreBilledOnTheNextBill_PaidWithTheirFines_AndReported), provider);
        var january = await factory.BillAsync("10000001", "001", January);
        await factory.PayAsync(january, "2026-02-10");
        var february = await factory.BillAsync("10000001", "001", February);
        await factory.PayAsync(february, "2026-03-02");
        var workers = await WorkersAsync(factory);
        var (a, b, c, d, e) = (workers[0], workers[1], workers[2], workers[3], workers[4]);
        var hrd = await HrdAsync(factory);
        var calculator = new Calculator(factory.CreateClient(), await CompanyAsync(factory));

        // Rapel: a raise from January by form, from February by upload.
        var raised = await SubmitAsync(hrd, $"/tenaga-kerja/{a.Id}/upah", new() { ["Upah"] = (a.Upah + 1_000_000).ToString(Invariant), ["Periode Mulai"] = "2026-01" });
        Assert.Contains("Iuran Rapel 2 bulan", raised.GetElementById("pesan")!.TextContent, StringComparison.Ordinal);
        await ImportAsync(hrd, "upah", "rapel.csv", ["KPJ", "Upah", "Periode Mulai"], [[b.Kpj, (b.Upah + 500_000).ToString(Invariant), "2026-02"], [c.Kpj, (c.Upah - 1).ToString(Invariant), "2026-02"]], refused: c.Kpj);

        // A decrease into a paid month is refused by the form as by the upload (above), with the same words.
        var lowered = await SubmitAsync(hrd, $"/tenaga-kerja/{c.Id}/upah", new() { ["Upah"] = (c.Upah - 100_000).ToString(Invariant), ["Periode Mulai"] = "2026-01" });
        Assert.Equal(LateCharges.WageDecreaseRefused, lowered.GetElementById("Isian-periode-mulai-error")!.TextContent.Trim());

        // Kelebihan: leavers reported late, by form (20 January) and by upload (31 January): February was billed for them.
        var asked = await SubmitAsync(hrd, $"/tenaga-kerja/{d.Id}/non-aktif", new() { ["Tanggal Non Aktif"] = "2026-01-20", ["Alasan"] = "MengundurkanDiri" });
        var left = await HtmlPage.ParseAsync(await ((AngleSharp.Html.Dom.IHtmlFormElement)asked.QuerySelector("#konfirmasi-non-aktif form")!).SubmitAsync(hrd));
        Assert.Contains("Kelebihan Iuran 1 bulan", left.GetElementById("pesan")!.TextContent, StringComparison.Ordinal);
        await ImportAsync(hrd, "non-aktif", "keluar.csv", ["KPJ", "NIK", "Tanggal Non Aktif", "Alasan", "Alasan Lainnya"], [[e.Kpj, e.Nik, "31/01/2026", "PHK", ""]]);

        // Susulan: hired in January and February, reported now by form and by upload, billed once an officer verifies them.
        var joined = await SubmitAsync(hrd, "/tenaga-kerja/tambah?Jalur=tidak", NewPerson("3171014503920007", "Sari Susulan", "1992-03-05", "2026-01-05", 5_200_000));
        Assert.Contains("Iuran Susulan", joined.GetElementById("pesan")!.TextContent, StringComparison.Ordinal);
        var person = UploadTests.NewPerson("3578016006930008", "Yanti Unggah", new DateTime(1993, 6, 20), "Perempuan");
        var batch = await UploadTests.UploadAsync(hrd, "baru", "baru.xlsx", UploadFixtures.Xlsx([person]));
        await UploadTests.ClickAsync(hrd, batch, "Impor 1 Baris Valid");
        var officer = await OfficerAsync(factory);
        Assert.Contains("Iuran Susulan 2 bulan", await ApproveAsync(officer, "Sari Susulan"), StringComparison.Ordinal);
        Assert.Contains("Iuran Susulan 1 bulan", await ApproveAsync(officer, "Yanti Unggah"), StringComparison.Ordinal);

        var expectedRapel = await calculator.DifferenceAsync([January, February], a.Upah, a.Upah + 1_000_000, a.BirthDate) + await calculator.DifferenceAsync([February], b.Upah, b.Upah + 500_000, b.BirthDate);
        var expectedCredit = await LineTotalAsync(factory, February, d.Id) + await LineTotalAsync(factory, February, e.Id);
        var sari = (Jan: await calculator.TotalAsync(January, 5_200_000, new DateOnly(1992, 3, 5)), Feb: await calculator.TotalAsync(February, 5_200_000, new DateOnly(1992, 3, 5)));
        var yanti = await calculator.TotalAsync(February, 5_000_000, new DateOnly(1993, 6, 20));
        var finesAtIssue = await calculator.FineAsync(January, sari.Jan, "2026-03-02") + await calculator.FineAsync(February, sari.Feb, "2026-03-02") + await calculator.FineAsync(February, yanti, "2026-03-02");

        var march = await factory.BillAsync("10000001", "001", March);

        Assert.Equal(expectedRapel, march.BackPayAmount);
        Assert.Equal(sari.Jan + sari.Feb + yanti, march.ArrearsAmount);
        Assert.True(finesAtIssue > 0);
        Assert.Equal(finesAtIssue, march.FineAmount);
        Assert.Equal(expectedCredit, march.CreditAmount);
        Assert.Equal(march.ContributionAmount + march.ArrearsAmount + march.BackPayAmount + march.FineAmount - march.CreditAmount, march.TotalAmount);

        // The period page, the monitoring and the reports show each kind; the trail has each charge.
        var page = await HtmlPage.GetAsync(hrd, "/iuran/2026-03");
        Assert.Equal(new Rupiah(march.BackPayAmount).ToString(), page.GetElementById("tagihan-rapel")!.TextContent.Trim());
        Assert.Equal(new Rupiah(march.ArrearsAmount).ToString(), page.GetElementById("tagihan-susulan")!.TextContent.Trim());
        Assert.Equal("−" + new Rupiah(march.CreditAmount), page.GetElementById("tagihan-kelebihan")!.TextContent.Trim());
        var kinds = page.QuerySelectorAll("#tabel-perubahan-terlambat tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent, r.Children[3].TextContent)).ToList();
        Assert.Equal(8, kinds.Count); // Rapel 2 + 1, Kelebihan 2, Susulan 2 + 1
        Assert.Contains(("Iuran Rapel", a.Name, "2026-01"), kinds);
        Assert.Contains(("Iuran Susulan", "Sari Susulan", "2026-01"), kinds);
        Assert.Contains(("Kelebihan Iuran", e.Name, "2026-02"), kinds);
        var monitoring = await HtmlPage.GetAsync(hrd, "/iuran/monitoring");
        Assert.Equal(new Rupiah(march.BackPayAmount).ToString(), monitoring.GetElementById("total-semua-rapel")!.TextContent.Trim());
        Assert.Equal(new Rupiah(march.ArrearsAmount).ToString(), monitoring.GetElementById("total-semua-susulan")!.TextContent.Trim());
        Assert.Equal("−" + new Rupiah(march.CreditAmount), monitoring.GetElementById("total-semua-kelebihan")!.TextContent.Trim());
        Assert.Equal((march.BackPayAmount, 0L), await ReportTotalAsync(hrd, "iuran-rapel"));
        Assert.Equal((march.ArrearsAmount, march.FineAmount), await ReportTotalAsync(hrd, "iuran-susulan"));
        Assert.Equal((march.CreditAmount, 0L), await ReportTotalAsync(hrd, "kelebihan-iuran"));
        var trail = (await HtmlPage.GetAsync(hrd, $"/tenaga-kerja/{a.Id}")).QuerySelector("#jejak-audit")!.TextContent;
        Assert.Contains("Iuran rapel dicatat", trail, StringComparison.Ordinal);
        Assert.Contains("Kelebihan iuran dicatat", (await HtmlPage.GetAsync(hrd, $"/tenaga-kerja/{d.Id}")).QuerySelector("#jejak-audit")!.TextContent, StringComparison.Ordinal);

        // "Batal Finalisasi" returns every charge and the credit; finalising again bills the same, nothing twice.
        await CancelAsync(factory, March);
        var waiting = await HtmlPage.GetAsync(hrd, "/iuran/2026-03");
        Assert.Equal(new Rupiah(march.BackPayAmount).ToString(), waiting.GetElementById("jumlah-rapel")!.TextContent.Trim());
        Assert.Contains(new Rupiah(march.CreditAmount).ToString(), waiting.GetElementById("sisa-kelebihan")!.TextContent, StringComparison.Ordinal);
        var again = await factory.BillAsync("10000001", "001", March, compute: false);
        Assert.Equal(
            (march.ContributionAmount, march.ArrearsAmount, march.BackPayAmount, march.FineAmount, march.CreditAmount, march.TotalAmount),
            (again.ContributionAmount, again.ArrearsAmount, again.BackPayAmount, again.FineAmount, again.CreditAmount, again.TotalAmount));

        // Paid late on 20 April: the Susulan is fined up to the payment, the rest on April's bill with March's own fine.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 2, 0, 0, TimeSpan.Zero));
        await factory.PayAsync(again, "2026-04-20");
        var april = await factory.BillAsync("10000001", "001", Period.Of(2026, 4));
        var expectedAprilFine = await calculator.FineAsync(March, again.ContributionAmount, "2026-04-20")
            + await calculator.FineAsync(January, sari.Jan, "2026-04-20") + await calculator.FineAsync(February, sari.Feb, "2026-04-20") + await calculator.FineAsync(February, yanti, "2026-04-20")
            - finesAtIssue;
        Assert.Equal(expectedAprilFine, april.FineAmount);
        Assert.Equal((0L, 0L, 0L), (april.ArrearsAmount, april.BackPayAmount, april.CreditAmount));
    }

    [Theory]
    [DatabaseData]
    public async Task AMonthComputedButNotFinal_IsRecomputed_AndBatalFinalisasiOfAChargedMonth_WithdrawsOrNamesTheCarryingBill(DatabaseProvider provider)
    {
        await using var factory = await CreateAsync(nameof(AMonthComputedButNotFinal_IsRecomputed_AndBatalFinalisasiOfAChargedMonth_WithdrawsOrNamesTheCarryingBill), provider);
        await factory.BillAsync("10000001", "001", January);
        var divisionId = await factory.DivisionAsync("10000001", "001");
        await factory.ComputeAsync(divisionId, February);
        var worker = (await WorkersAsync(factory))[0];
        var hrd = await HrdAsync(factory);

        // February is computed, not final: a raise from February is no late change, only January (final, unpaid) gets Rapel.
        var raised = await SubmitAsync(hrd, $"/tenaga-kerja/{worker.Id}/upah", new() { ["Upah"] = (worker.Upah + 250_000).ToString(Invariant), ["Periode Mulai"] = "2026-01" });
        Assert.Contains("Iuran Rapel 1 bulan", raised.GetElementById("pesan")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([January], await ChargedMonthsAsync(factory, worker.Id));

        // Cancelling January's finalisation withdraws its waiting Rapel: the recomputation counts the new wage itself.
        await CancelAsync(factory, January);
        Assert.Empty(await ChargedMonthsAsync(factory, worker.Id));
        await factory.BillAsync("10000001", "001", January);
        Assert.Equal(worker.Upah + 250_000, (await LineAsync(factory, January, worker.Id)).Upah);

        // A Rapel already on February's bill keeps January final, and the refusal names the bill that carries it.
        await SubmitAsync(hrd, $"/tenaga-kerja/{worker.Id}/upah", new() { ["Upah"] = (worker.Upah + 400_000).ToString(Invariant), ["Periode Mulai"] = "2026-01" });
        var february = await factory.BillAsync("10000001", "001", February, compute: false);
        Assert.True(february.BackPayAmount > 0);
        await using var scope = factory.Services.CreateAsyncScope();
        var refusal = await scope.ServiceProvider.ActingFor<BillIssuing>(divisionId).CancelAsync(divisionId, January, TestContext.Current.CancellationToken);
        Assert.Equal("Iuran Rapel periode ini sudah ditagihkan pada tagihan periode 2026-02; finalisasi tidak dapat dibatalkan. Perubahan lain untuk periode ini tetap dapat dimasukkan dan ditagihkan pada tagihan berikutnya.", refusal?.Message);
    }

    [Theory]
    [DatabaseData]
    public async Task ACreditLargerThanTheNextBill_LeavesItAtZeroAndLunas_AndTheRestGoesToTheBillAfter_NeverTwice(DatabaseProvider provider)
    {
        await using var factory = await CreateAsync(nameof(ACreditLargerThanTheNextBill_LeavesItAtZeroAndLunas_AndTheRestGoesToTheBillAfter_NeverTwice), provider);
        await factory.PayAsync(await factory.BillAsync("10000001", "001", January), "2026-02-10");
        await factory.PayAsync(await factory.BillAsync("10000001", "001", February), "2026-03-02");
        var hrd = await HrdAsync(factory);
        var leavers = await LeaversAsync(factory, 70);

        // Seventy of the hundred left on 31 January, reported only now: February's lines for them become credit.
        await ImportAsync(hrd, "non-aktif", "keluar.csv", ["KPJ", "NIK", "Tanggal Non Aktif", "Alasan", "Alasan Lainnya"],
            leavers.Select(w => (IReadOnlyList<string?>)[w.Kpj, w.Nik, "31/01/2026", "PHK", ""]), imported: 70);
        long credit = 0;
        foreach (var leaver in leavers)
        {
            credit += await LineTotalAsync(factory, February, leaver.Id);
        }

        var march = await factory.BillAsync("10000001", "001", March);

        Assert.Equal(march.ContributionAmount, march.CreditAmount);
        Assert.Equal((0L, BillStatus.Lunas), (march.TotalAmount, march.Status));
        Assert.Equal("Lunas", (await HtmlPage.GetAsync(hrd, "/iuran/2026-03")).GetElementById("status-periode")!.TextContent.Trim());
        using (var receipt = await hrd.GetAsync("/laporan/2026-03/bukti-pembayaran.pdf", TestContext.Current.CancellationToken))
        {
            Assert.Contains("dikompensasikan dengan Kelebihan Iuran", await receipt.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 2, 0, 0, TimeSpan.Zero));
        var april = await factory.BillAsync("10000001", "001", Period.Of(2026, 4));
        Assert.Equal(credit - march.CreditAmount, april.CreditAmount);
        Assert.Equal(april.ContributionAmount - april.CreditAmount, april.TotalAmount);
        await factory.PayAsync(april, "2026-04-20");
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 20, 2, 0, 0, TimeSpan.Zero));
        var may = await factory.BillAsync("10000001", "001", Period.Of(2026, 5));
        Assert.Equal(0, may.CreditAmount);
    }

    private static Task<SippWebFactory> CreateAsync(string name, DatabaseProvider provider) => SippWebFactory.CreateAsync(name, provider, "Development", new Dictionary<string, string?>
    {
        ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false", ["Jobs:DailyBillsCron"] = "0 0 7 1 1 ? 2099",
        ["RateLimits:Calculator:PermitLimit"] = "100000", ["RateLimits:Login:PermitLimit"] = "100000", ["RateLimits:Otp:PermitLimit"] = "100000",
        ["RateLimits:LoginPerAccount:PermitLimit"] = "100000",
    });

    private static async Task<HttpClient> HrdAsync(SippWebFactory factory)
    {
        var browser = factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "001");
        return browser;
    }

    private static async Task<HttpClient> OfficerAsync(SippWebFactory factory)
    {
        var browser = factory.NewBrowser();
        await browser.SignInAsync(DevelopmentSeed.OfficerEmail, DevelopmentSeed.OfficerPassword, phone: null);
        return browser;
    }

    private static async Task<string> ApproveAsync(HttpClient officer, string name)
    {
        var queue = await HtmlPage.GetAsync(officer, "/backoffice/verifikasi");
        var approve = (AngleSharp.Html.Dom.IHtmlFormElement)queue.QuerySelectorAll("#antrian-verifikasi tbody tr")
            .First(r => r.TextContent.Contains(name, StringComparison.Ordinal)).QuerySelector("form")!;
        var asked = await HtmlPage.ParseAsync(await approve.SubmitAsync(officer));
        var confirm = (AngleSharp.Html.Dom.IHtmlFormElement)asked.QuerySelector("#konfirmasi-keputusan form")!;
        return (await HtmlPage.ParseAsync(await confirm.SubmitAsync(officer))).GetElementById("pesan")!.TextContent;
    }

    private static async Task<IDocument> SubmitAsync(HttpClient browser, string url, Dictionary<string, string> values)
    {
        var form = await HtmlPage.GetAsync(browser, url);
        return await HtmlPage.ParseAsync(await form.SubmitAsync(browser, values));
    }

    private static async Task ImportAsync(
        HttpClient browser, string kind, string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, string? refused = null, int imported = 1)
    {
        var batch = await UploadTests.UploadAsync(browser, kind, fileName, UploadFixtures.Csv(headers, rows, new UTF8Encoding(false)));
        if (refused is not null)
        {
            var reasons = batch.QuerySelector("#baris-ditolak")!.TextContent;
            Assert.Contains(LateCharges.WageDecreaseRefused, reasons, StringComparison.Ordinal);
        }

        Assert.True(batch.QuerySelectorAll("form button").Any(b => b.TextContent.Trim() == $"Impor {imported} Baris Valid"), batch.QuerySelector("main")!.TextContent);
        await UploadTests.ClickAsync(browser, batch, $"Impor {imported} Baris Valid");
    }

    private static Dictionary<string, string> NewPerson(string nik, string name, string birthDate, string start, long upah) => new()
    {
        ["Kewarganegaraan"] = "WNI", ["NIK"] = nik, ["Nama Lengkap"] = name, ["Tempat Lahir"] = "Bogor", ["Tanggal Lahir"] = birthDate,
        ["Jenis Kelamin"] = "Perempuan", ["Nama Ibu Kandung"] = "Sumarni", ["Status Kawin"] = "Kawin", ["Alamat"] = "Jl. Mawar 1, Bogor", ["Kode Pos"] = "16111",
        ["Nomor Handphone"] = "081299998888", ["Status Pegawai"] = "PKWTT", ["Tanggal Mulai Kerja"] = start, ["Tanggal Mulai Kepesertaan"] = start, ["Upah"] = upah.ToString(Invariant),
    };

    private static async Task CancelAsync(SippWebFactory factory, Period period)
    {
        var divisionId = await factory.DivisionAsync("10000001", "001");
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.ActingFor<BillIssuing>(divisionId).CancelAsync(divisionId, period, TestContext.Current.CancellationToken));
    }

    /// <summary>The money column's and the fine column's totals of a report of March (its "Jumlah" row).</summary>
    private static async Task<(long Amount, long Fine)> ReportTotalAsync(HttpClient browser, string slug)
    {
        using var response = await browser.GetAsync($"/laporan/2026-03/{slug}.csv", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var rows = ReportFiles.Csv(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var (header, total) = (rows[0], rows[^1]);
        Assert.Equal(["Nama", "KPJ", "Nomor Pegawai", "Bulan"], header[..4]); // the payroll's key in every report that lists workers
        Assert.Equal("Jumlah", total[0]);
        var fineColumn = Array.IndexOf(header, "Denda"); // the amount ("Jumlah Iuran", or "Dikompensasikan" for a credit) just before it
        var fine = total[fineColumn];
        return (ReportFiles.Number(total[fineColumn - 1]), string.IsNullOrEmpty(fine) ? 0 : ReportFiles.Number(fine));
    }

    private sealed record Worker(Guid Id, string Kpj, string Nik, string Name, DateOnly BirthDate, long Upah);

    /// <summary>Five long-standing active workers of 10000001/001 whose wage did not change in 2026.</summary>
    private static async Task<List<Worker>> WorkersAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
            .Where(e => e.Division.Company.Npp == "10000001" && e.Division.Code == "001" && e.Status == EmploymentStatus.Aktif && e.MembershipStartDate < new DateOnly(2025, 1, 1)
                && e.Participant.Nik != null && !e.WageHistory.Any(w => w.EffectiveFrom >= January))
            .OrderBy(e => e.Participant.Kpj).Take(5)
            .Select(e => new Worker(e.Id, e.Participant.Kpj!, e.Participant.Nik!, e.Participant.FullName, e.Participant.BirthDate,
                e.WageHistory.OrderByDescending(w => w.EffectiveFrom).Select(w => w.Upah).First()))
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<(Guid Id, string Kpj, string Nik)>> LeaversAsync(SippWebFactory factory, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
            .Where(e => e.Division.Company.Npp == "10000001" && e.Division.Code == "001" && e.Status == EmploymentStatus.Aktif && e.MembershipStartDate < January.FirstDay && e.Participant.Nik != null)
            .OrderBy(e => e.Participant.Kpj).Take(count).Select(e => new { e.Id, e.Participant.Kpj, e.Participant.Nik })
            .ToListAsync(TestContext.Current.CancellationToken)).Select(e => (e.Id, e.Kpj!, e.Nik!)).ToList();
    }

    private static async Task<(int RiskClass, bool Jp, bool LabourIntensive)> CompanyAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var company = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Companies.SingleAsync(c => c.Npp == "10000001", TestContext.Current.CancellationToken);
        return (company.JkkRiskClass, company.TakesPartInJp, company.LabourIntensive);
    }

    private static async Task<ContributionLine> LineAsync(SippWebFactory factory, Period period, Guid employmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ContributionLines.AsNoTracking()
            .SingleAsync(l => l.ContributionPeriod.Period == period && l.EmploymentId == employmentId, TestContext.Current.CancellationToken);
    }

    private static async Task<long> LineTotalAsync(SippWebFactory factory, Period period, Guid employmentId) => (await LineAsync(factory, period, employmentId)).Total;

    private static async Task<List<Period>> ChargedMonthsAsync(SippWebFactory factory, Guid employmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().LateCharges.Where(c => c.EmploymentId == employmentId)
            .OrderBy(c => c.Month).Select(c => c.Month).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The public calculator and fine simulator (iuran.md §6), as a user checks a figure.</summary>
    private sealed class Calculator(HttpClient client, (int RiskClass, bool Jp, bool LabourIntensive) company)
    {
        public async Task<long> TotalAsync(Period period, long upah, DateOnly birthDate)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/iuran/simulasi",
                new { periode = period.ToString(), upah, tanggalLahir = birthDate, kelasRisiko = company.RiskClass, ikutJp = company.Jp, padatKarya = company.LabourIntensive },
                TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("total").GetInt64();
        }

        public async Task<long> DifferenceAsync(IEnumerable<Period> months, long before, long after, DateOnly birthDate)
        {
            long sum = 0;
            foreach (var month in months)
            {
                sum += await TotalAsync(month, after, birthDate) - await TotalAsync(month, before, birthDate);
            }

            return sum;
        }

        public async Task<long> FineAsync(Period period, long total, string paidOn)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/iuran/denda/simulasi", new { periode = period.ToString(), totalIuran = total, tanggalBayar = paidOn }, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("denda").GetInt64();
        }
    }
}
