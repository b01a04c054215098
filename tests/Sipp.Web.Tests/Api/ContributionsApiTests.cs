using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Issue 18, item 3 (contributions): a payroll system computes February, reads its totals and every line, finalises it
/// with a channel (the bill, read back by its Kode Iuran) and cancels it — the pages' handlers and rules, per scope,
/// on each database.
/// </summary>
public class ContributionsApiTests
{
    [Theory]
    [DatabaseData]
    public async Task APeriod_IsComputedReadFinalisedAndCancelled_ThroughTheApi(DatabaseProvider provider)
    {
        await using var factory = await SippWebFactory.CreateAsync(nameof(APeriod_IsComputedReadFinalisedAndCancelled_ThroughTheApi), provider, "Development",
            new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        var admin = factory.NewBrowser();
        await admin.ChooseCompanyAsync(await admin.SignInAsHrdAsync(), "10000001", "000");
        var api = await ClientAsync(factory, admin, "Payroll Iuran", "iuran:kelola");
        const string February = "/api/v1/divisi/10000001-000/iuran/2026-02";

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(February, ct)).StatusCode); // not computed yet
        var computed = await OkAsync(await api.PostAsync(February + "/hitung", null, ct));
        Assert.Equal("Dihitung", computed.GetProperty("status").GetString());
        ApiExampleShape.AssertMatches("HitungIuran", computed);
        ApiExampleShape.AssertMatches("RingkasanIuran", await OkAsync(await api.GetAsync(February, ct)));
        var stored = await StoredTotalAsync(factory);
        Assert.Equal(stored.Total, computed.GetProperty("jumlah").GetProperty("total").GetInt64());
        Assert.Equal(stored.Workers, computed.GetProperty("jumlahTenagaKerja").GetInt32());

        // Every line once, page by page; they add up to the period's total.
        var lines = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await OkAsync(await api.GetAsync($"{February}/rincian?jumlah=9{(next is null ? "" : "&setelah=" + next)}", ct));
            ApiExampleShape.AssertMatches("RincianIuran", page);
            lines.AddRange(page.GetProperty("data").EnumerateArray());
            next = page.GetProperty("berikutnya").GetString();
        }
        while (next is not null);

        Assert.Equal(stored.Workers, lines.Count);
        Assert.Equal(stored.Total, lines.Sum(l => l.GetProperty("jumlah").GetInt64()));

        // Or all at once as CSV (the Rincian Iuran report's file), with the same scope.
        await AssertEveryLineAsync(api, February + "/rincian.csv", stored);

        // Finalising asks for a channel, as the form does; then the bill, found again by its Kode Iuran.
        var noChannel = await (await api.PostAsJsonAsync(February + "/finalisasi", new { }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(noChannel.GetProperty("errors").TryGetProperty("channel", out _), noChannel.ToString());
        var final = await OkAsync(await api.PostAsJsonAsync(February + "/finalisasi", new { channel = "BNI_VA" }, ct));
        Assert.Equal("Final", final.GetProperty("status").GetString());
        ApiExampleShape.AssertMatches("FinalisasiIuran", final);
        var code = final.GetProperty("tagihan").GetProperty("kodeIuran").GetString()!;
        Assert.Matches(@"^\d{11}$", code);
        var bill = await OkAsync(await api.GetAsync($"/api/v1/divisi/10000001-000/tagihan/{code}", ct));
        ApiExampleShape.AssertMatches("Tagihan", bill);
        Assert.Equal(final.GetProperty("tagihan").GetProperty("total").GetInt64(), bill.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync(February + "/hitung", null, ct)).StatusCode); // final: no recomputing

        // The bill is this division's: the client of another division finds nothing under that code.
        var surabaya = await ClientAsync(factory, admin, "Payroll Surabaya", "iuran:kelola", "001");
        Assert.Equal(HttpStatusCode.NotFound, (await surabaya.GetAsync($"/api/v1/divisi/10000001-001/tagihan/{code}", ct)).StatusCode);

        var cancelled = await OkAsync(await api.PostAsync(February + "/batal-finalisasi", null, ct));
        Assert.Equal("Dihitung", cancelled.GetProperty("status").GetString());
        ApiExampleShape.AssertMatches("BatalFinalisasiIuran", cancelled);
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("tagihan").ValueKind);

        // Reports of the period, in each format, for a client with that scope; audited as the client.
        var reports = await ClientAsync(factory, admin, "Payroll Laporan", "laporan:baca");
        await AssertEveryLineAsync(reports, "/api/v1/divisi/10000001-000/laporan/2026-02/rincian-iuran.csv", stored);

        var pdf = await reports.GetByteArrayAsync("/api/v1/divisi/10000001-000/laporan/2026-02/rekap-program.pdf", ct);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await reports.GetAsync("/api/v1/divisi/10000001-001/laporan/2026-02/rincian-iuran.csv", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reports.PostAsync(February + "/hitung", null, ct)).StatusCode);
        Assert.True(await ReportDownloadAuditedAsync(factory, "Payroll Laporan (API, dibuat oleh"));

        // Another scope may not compute.
        var reader = await ClientAsync(factory, admin, "Payroll Baca", "pekerja:baca");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(February + "/hitung", null, ct)).StatusCode);
    }

    private static Task<HttpClient> ClientAsync(SippWebFactory factory, HttpClient admin, string name, string scope, string division = "000") =>
        ApiClientAccessTests.ApiAsync(factory, admin, name, [scope], division);

    /// <summary>The CSV at <paramref name="url"/> holds every line of the period and its total.</summary>
    private static async Task AssertEveryLineAsync(HttpClient client, string url, (long Total, int Workers) stored)
    {
        using var csv = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(csv.IsSuccessStatusCode, await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var rows = Sipp.Web.Tests.Reports.ReportFiles.Csv(await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(stored.Workers, rows.Count - 2); // the header and the total row
        Assert.Equal(stored.Total, Sipp.Web.Tests.Reports.ReportFiles.Number(rows[^1][^1]));
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
            return body;
        }
    }

    private static async Task<bool> ReportDownloadAuditedAsync(SippWebFactory factory, string actor)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents
            .AnyAsync(a => a.Action == "laporan.unduh" && a.ActorName!.StartsWith(actor), TestContext.Current.CancellationToken);
    }

    private static async Task<(long Total, int Workers)> StoredTotalAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var february = Period.Of(2026, 2);
        var period = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ContributionPeriods
            .SingleAsync(p => p.Period == february && p.Division.Company.Npp == "10000001" && p.Division.Code == "000", TestContext.Current.CancellationToken);
        return (period.Total, period.WorkerCount);
    }
}
