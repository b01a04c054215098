using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Contributions;
using Sipp.PayrollSample;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Issue 18, item 7: the payroll sample (<c>samples/Sipp.PayrollSample</c>) runs its month against a started host — Sipp
/// on a real port with its Development seed and demo client, the system clock and the background outbox — as
/// <c>dotnet run</c> of both would: wages reported and applied, contributions computed and finalised, the signed
/// "bill issued" webhook received, the reports downloaded.
/// </summary>
public class PayrollSampleTests
{
    [Fact]
    public async Task ThePayrollSample_DoesTheMonth_AgainstAStartedHost()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, nameof(ThePayrollSample_DoesTheMonth_AgainstAStartedHost));
        await using var factory = new SippWebFactory(database, "Development", new Dictionary<string, string?>
        {
            ["Database:Seed"] = "true", ["Database:SeedDemoApiClient"] = "true", ["Notifications:Webhooks:AllowLocal"] = "true",
        }) { UseSystemClock = true };
        factory.UseKestrel(0);
        factory.StartServer();
        var portal = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        // The sample listens where the demo client's webhook points, on a free port here.
        var webhook = new Uri($"http://127.0.0.1:{FreePort()}/sipp/webhook/");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.ApiClient.ClientId == DemoApiClientSeed.ClientId, ct);
            subscription.Url = webhook.ToString();
            await db.SaveChangesAsync(ct);
        }

        var output = Directory.CreateTempSubdirectory("sipp-sample-").FullName;
        var options = SampleOptions.Parse(["--portal", portal.ToString(), "--webhook", webhook.ToString(), "--keluaran", output], _ => null)!;
        var log = new StringWriter();
        var result = await PayrollMonth.RunAsync(options, log, ct);

        // The bill it was answered is the bill Sipp stored, and the one the webhook announced.
        Assert.Equal(result.KodeIuran, result.BillIssuedEvent.GetProperty("data").GetProperty("kodeIuran").GetString());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var bill = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Bills.Include(b => b.ContributionPeriod).SingleAsync(b => b.KodeIuran == result.KodeIuran, ct);
            Assert.Equal(BillStatus.MenungguPembayaran, bill.Status);
            Assert.Equal(result.Total, bill.TotalAmount);
            Assert.Equal(options.Period, bill.ContributionPeriod.Period.ToString());
        }

        // Three raises were applied, and the reports are real files of that month.
        Assert.Equal(3, result.WageReport.GetProperty("perubahanUpah").GetArrayLength());
        Assert.Equal(PayrollMonth.ReportFiles.Count, result.Reports.Count);
        var csv = Sipp.Web.Tests.Reports.ReportFiles.Csv(await File.ReadAllBytesAsync(result.Reports.Single(r => r.EndsWith(".csv", StringComparison.Ordinal)), ct));
        Assert.Equal(result.Total - Fines(result), Sipp.Web.Tests.Reports.ReportFiles.Number(csv[^1][^1]));
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(result.Reports.Single(r => r.EndsWith(".pdf", StringComparison.Ordinal)), ct))[..4]);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(result.Reports.Single(r => r.EndsWith(".xlsx", StringComparison.Ordinal)), ct))[..2]);
        Assert.Contains("tanda tangannya sah", log.ToString(), StringComparison.Ordinal);
    }

    /// <summary>What the bill holds besides this month's contributions (late charges, fines, credit), from the webhook's copy of it.</summary>
    private static long Fines(PayrollMonthResult result)
    {
        var bill = result.BillIssuedEvent.GetProperty("data");
        return bill.GetProperty("iuranSusulan").GetInt64() + bill.GetProperty("iuranRapel").GetInt64() + bill.GetProperty("denda").GetInt64() - bill.GetProperty("kelebihanIuran").GetInt64();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
