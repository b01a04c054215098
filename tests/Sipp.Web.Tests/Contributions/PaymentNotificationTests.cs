using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>POST /api/v1/pembayaran/notifikasi as a bank calls it: signature, amount, idempotency and their effects.</summary>
public class PaymentNotificationTests(PaymentNotificationTests.Fixture fixture) : IClassFixture<PaymentNotificationTests.Fixture>
{
    private const string BniSecret = ContributionSteps.BniSecret;

    [Fact]
    public async Task AValidNotification_MakesTheBillAndPeriodLunas_AndIssuesAReceipt()
    {
        var bill = await fixture.BillAsync("10000001", "000", Period.Of(2025, 12));

        using var response = await PostAsync(Body(bill.KodeIuran, bill.TotalAmount, "2026-01-10", "REF-LUNAS-1"), BniSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Lunas", receipt.GetProperty("status").GetString());
        Assert.Matches("^[A-Z2-9]{12}$", receipt.GetProperty("buktiPembayaran").GetString()!);
        var (billStatus, periodStatus, fines) = await fixture.StateAsync(bill.Id);
        Assert.Equal((BillStatus.Lunas, PeriodStatus.Lunas, 0), (billStatus, periodStatus, fines.Count));
    }

    [Fact]
    public async Task ALatePayment_KeepsItsFineForTheNextBill()
    {
        var bill = await fixture.BillAsync("10000001", "001", Period.Of(2025, 12)); // due 15 January 2026

        using var response = await PostAsync(Body(bill.KodeIuran, bill.TotalAmount, "2026-02-20", "REF-TELAT-1"), BniSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, _, fines) = await fixture.StateAsync(bill.Id);
        var fine = Assert.Single(fines);
        Assert.Equal(2, fine.MonthsLate); // paid after 15 February: a second month begun
        Assert.Equal((long)Math.Round(bill.ContributionAmount * 0.02m * 2, MidpointRounding.AwayFromZero), fine.Amount);
        Assert.Null(fine.ChargedOnBillId);

        var next = await fixture.BillAsync("10000001", "001", Period.Of(2026, 1));
        Assert.Equal(fine.Amount, next.FineAmount);
        Assert.Equal(next.ContributionAmount + fine.Amount, next.TotalAmount);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 2)]
    [InlineData("zz-not-hex", 3)]
    [InlineData("wrong-secret", 4)]
    [InlineData("tampered", 5)]
    public async Task ABadSignature_IsRefusedWith401_AndNothingIsPaid(string? signing, int month)
    {
        var bill = await fixture.BillAsync("10000002", "000", Period.Of(2025, month));
        var body = Body(bill.KodeIuran, bill.TotalAmount, "2025-12-10", "REF-SIG-" + signing);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pembayaran/notifikasi") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        var signature = signing switch
        {
            null => null,
            "" => string.Empty,
            "zz-not-hex" => "zz",
            "wrong-secret" => Sign(body, "rahasia-lain"),
            _ => Sign(Body(bill.KodeIuran, 1, "2025-12-10", "REF-SIG-" + signing), BniSecret), // signed for another body
        };
        if (signature is not null)
        {
            request.Headers.Add("X-Sipp-Signature", signature);
        }

        using var response = await fixture.Factory.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(BillStatus.MenungguPembayaran, (await fixture.StateAsync(bill.Id)).Bill);
    }

    [Fact]
    public async Task AnUnknownKodeIuran_Is404_AndAWrongAmount_Is422WithTheBillUnpaid()
    {
        var bill = await fixture.BillAsync("10000002", "000", Period.Of(2025, 10));

        using var unknown = await PostAsync(Body("12345678903", bill.TotalAmount, "2025-11-10", "REF-404"), BniSecret);
        using var wrongAmount = await PostAsync(Body(bill.KodeIuran, bill.TotalAmount - 1, "2025-11-10", "REF-422"), BniSecret);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongAmount.StatusCode);
        Assert.Contains("Tagihan tetap belum dibayar", await wrongAmount.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(BillStatus.MenungguPembayaran, (await fixture.StateAsync(bill.Id)).Bill);
    }

    [Fact]
    public async Task TwentyConcurrentDuplicates_RecordOnePayment_AndGetTheSameAnswer()
    {
        var bill = await fixture.BillAsync("10000002", "000", Period.Of(2025, 9));
        var body = Body(bill.KodeIuran, bill.TotalAmount, "2025-10-10", "REF-DUPLIKAT");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await PostAsync(body, BniSecret);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }));
        using var later = await PostAsync(body, BniSecret);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers.Select(a => a.Item2).Append(await later.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Distinct());
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Payments.CountAsync(p => p.BillId == bill.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheSimulatorBank_PaysABillThroughTheSignedEndpoint()
    {
        var bill = await fixture.BillAsync("10000002", "000", Period.Of(2025, 8));
        var browser = fixture.Factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000002", "000");
        var simulator = await HtmlPage.GetAsync(browser, $"/dev/simulator-bank?KodeIuran={bill.KodeIuran}");
        Assert.Equal("Menunggu Pembayaran", simulator.GetElementById("status-tagihan")!.TextContent);

        var paid = await HtmlPage.ParseAsync(await simulator.SubmitAsync(browser, new Dictionary<string, string> { ["Tanggal Bayar"] = "2025-09-12" }));

        Assert.Equal("Lunas", paid.GetElementById("status-tagihan")!.TextContent);
        Assert.Contains("\"status\":\"Lunas\"", paid.GetElementById("jawaban-simulator")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PeriodStatus.Lunas, (await fixture.StateAsync(bill.Id)).Period);
    }

    [Fact]
    public async Task TheSimulatorBank_ShowsAndPaysOnlyTheSignedInCompanysBills()
    {
        var foreign = await fixture.BillAsync("10000002", "000", Period.Of(2025, 7));
        var browser = fixture.Factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "001");

        var page = await HtmlPage.GetAsync(browser, $"/dev/simulator-bank?KodeIuran={foreign.KodeIuran}");
        Assert.Null(page.GetElementById("status-tagihan"));
        var token = page.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["KodeIuran"] = foreign.KodeIuran, ["TanggalBayar"] = "2025-08-10", ["__RequestVerificationToken"] = token,
        });
        var answer = await HtmlPage.ParseAsync(await browser.PostAsync("/dev/simulator-bank", form, TestContext.Current.CancellationToken));

        Assert.Contains("Kode Iuran tidak ditemukan", answer.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(BillStatus.MenungguPembayaran, (await fixture.StateAsync(foreign.Id)).Bill);
    }

    [Fact]
    public async Task TheSimulatorBank_PostsToItsOwnServer_WhateverTheHostHeaderSays()
    {
        var bill = await fixture.BillAsync("10000002", "000", Period.Of(2025, 6));
        var sent = new System.Collections.Concurrent.ConcurrentQueue<Uri>();
        await using var recorded = fixture.Factory.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.AddHttpClient(Sipp.Web.Features.Payments.BankSimulator.IndexModel.HttpClientName).AddHttpMessageHandler(() => new Recorder(sent))));
        var browser = recorded.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000002", "000");
        var page = await HtmlPage.GetAsync(browser, $"/dev/simulator-bank?KodeIuran={bill.KodeIuran}");
        var token = page.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/simulator-bank")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["KodeIuran"] = bill.KodeIuran, ["TanggalBayar"] = "2025-07-10", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "penyerang.example";

        await browser.SendAsync(request, TestContext.Current.CancellationToken);

        var target = Assert.Single(sent);
        Assert.NotEqual("penyerang.example", target.Host);
        Assert.Equal(BillStatus.Lunas, (await fixture.StateAsync(bill.Id)).Bill);
    }

    [Fact]
    public async Task ANotification_IsAcceptedOnlyFromTheBillsOwnChannel()
    {
        var bill = await fixture.BillAsync("10000001", "000", Period.Of(2025, 6)); // issued for BNI_VA

        using var response = await PostAsync(Body(bill.KodeIuran, bill.TotalAmount, "2025-07-10", "REF-CHANNEL-LAIN"), "rahasia-pengembangan-bri");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(BillStatus.MenungguPembayaran, (await fixture.StateAsync(bill.Id)).Bill);
    }

    [Fact]
    public async Task APaymentDatedBeforeTheBillWasIssued_OrFarInTheFuture_IsRefused_AndTheBillStaysUnpaid()
    {
        var bill = await fixture.BillAsync("10000001", "000", Period.Of(2025, 5)); // issued 1 June 2025

        using var early = await PostAsync(Body(bill.KodeIuran, bill.TotalAmount, "2025-05-31", "REF-SEBELUM-TERBIT"), BniSecret);
        using var far = await PostAsync(Body(bill.KodeIuran, bill.TotalAmount, "9999-12-31", "REF-JAUH"), BniSecret);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("sebelum tagihan diterbitkan", await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await SimulateContributionApiTests_AssertFieldAsync(far, "tanggalBayar", "harus antara tahun 1900 dan 2099");
        Assert.Equal(BillStatus.MenungguPembayaran, (await fixture.StateAsync(bill.Id)).Bill);
    }

    [Fact]
    public async Task AReferenceReusedForAnotherBill_IsRefusedWith409_NotAnsweredWithTheFirstReceipt()
    {
        var first = await fixture.BillAsync("10000001", "001", Period.Of(2025, 5));
        var second = await fixture.BillAsync("10000001", "001", Period.Of(2025, 4));
        using var paid = await PostAsync(Body(first.KodeIuran, first.TotalAmount, "2025-06-10", "REF-SAMA"), BniSecret);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

        using var reused = await PostAsync(Body(second.KodeIuran, second.TotalAmount, "2025-06-10", "REF-SAMA"), BniSecret);

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.DoesNotContain(first.KodeIuran, await reused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(BillStatus.MenungguPembayaran, (await fixture.StateAsync(second.Id)).Bill);
    }

    private static Task SimulateContributionApiTests_AssertFieldAsync(HttpResponseMessage response, string field, string message) =>
        Calculator.SimulateContributionApiTests.AssertProblemAsync(response, field, message);

    private sealed class Recorder(System.Collections.Concurrent.ConcurrentQueue<Uri> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private Task<HttpResponseMessage> PostAsync(byte[] body, string secret) => fixture.Factory.NotifyAsync(body, secret);

    private static byte[] Body(string kode, long amount, string paidOn, string reference) => ContributionSteps.Notice(kode, amount, paidOn, reference);

    private static string Sign(byte[] body, string secret) => ContributionSteps.Sign(body, secret);

    public sealed class Fixture : SeededWebFixture
    {
        public Task<Bill> BillAsync(string npp, string division, Period period) => Factory.BillAsync(npp, division, period);

        public async Task<(BillStatus Bill, PeriodStatus Period, List<Fine> Fines)> StateAsync(Guid billId)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var bill = await db.Bills.AsNoTracking().Include(b => b.ContributionPeriod).SingleAsync(b => b.Id == billId);
            return (bill.Status, bill.ContributionPeriod.Status, await db.Fines.AsNoTracking().Where(f => f.SourcePeriodId == bill.PeriodId).ToListAsync());
        }
    }
}
