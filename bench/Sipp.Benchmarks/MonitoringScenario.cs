using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Features.Contributions.MonitorContributions;
using Sipp.Web.Features.Payments;
using Sipp.Web.Features.Payments.NotifyPayment;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// "Monitoring Iuran" of a company with five years of periods (2022-01 up to last month computed, finalised and paid,
/// some late so that fines are carried): the page's query on a fresh DbContext per request. Target: ≤ 100 ms.
/// </summary>
public static class MonitoringScenario
{
    private const string Secret = "rahasia-bench";

    public static async Task RunAsync(string provider, int workers, int iterations)
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        Guid divisionId;
        await using (var db = database.NewContext())
        {
            await RuleDataLoader.LoadShippedRulesAsync(db, TimeProvider.System, CancellationToken.None);
            divisionId = (await LargeCompanySeed.CreateAsync(db, workers, DateTime.UtcNow, CancellationToken.None))!.Value;
        }

        var channel = new PaymentChannel { Code = "BNI_VA", Name = "BNI", Instructions = "Kode {kode}", Secret = Secret };
        var services = new ServiceCollection()
            .AddScoped(_ => database.NewContextFor(divisionId))
            .AddSingleton<RuleTableProvider>()
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Options.Create(new PaymentOptions { Channels = [channel] }))
            .AddScoped<AuditLog>()
            .AddScoped<PeriodComputation>()
            .AddScoped<Sipp.Web.Features.Api.Webhooks.WebhookEvents>()
            .AddScoped<BillIssuing>()
            .AddScoped<PaymentNotification>()
            .BuildServiceProvider();
        var today = TimeProvider.System.JakartaToday();
        var periods = 0;
        var made = Stopwatch.StartNew();
        for (var period = Period.Of(2022, 1); period < Period.Containing(today); period = period.AddMonths(1), periods++)
        {
            await using var scope = services.CreateAsyncScope();
            Check(await scope.ServiceProvider.GetRequiredService<PeriodComputation>().ComputeAsync(divisionId, period, CancellationToken.None));
            Check(await scope.ServiceProvider.GetRequiredService<BillIssuing>().FinalizeAsync(divisionId, period, channel.Code, CancellationToken.None));
            var bill = await scope.ServiceProvider.GetRequiredService<SippDbContext>().Bills.AsNoTracking()
                .SingleAsync(b => b.ContributionPeriod.DivisionId == divisionId && b.ContributionPeriod.Period == period && b.Status == BillStatus.MenungguPembayaran);
            // Issued when the month ended, as a real month's bill was: a payment is refused before its bill existed.
            var issuedAt = period.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var context = scope.ServiceProvider.GetRequiredService<SippDbContext>();
            await context.Bills.Where(b => b.Id == bill.Id).ExecuteUpdateAsync(b => b.SetProperty(x => x.IssuedAt, issuedAt));
            context.ChangeTracker.Clear(); // the finalisation's tracked bill would answer with the old time
            var paidOn = new[] { bill.DueDate.AddDays(periods % 7 == 0 ? 20 : -3), today }.Min(); // one month in seven paid late; none in the future
            var body = JsonSerializer.SerializeToUtf8Bytes(new { kodeIuran = bill.KodeIuran, jumlah = bill.TotalAmount, tanggalBayar = paidOn, referensi = "BENCH-" + period });
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
            if ((await scope.ServiceProvider.GetRequiredService<PaymentNotification>().HandleAsync(body, signature, CancellationToken.None)).Refusal is { } refused)
            {
                throw new InvalidOperationException($"Payment of {period} refused: {refused.Message}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Monitoring Iuran, {periods} periods computed, finalised and paid ({workers:N0} workers, made in {made.Elapsed.TotalSeconds:F1} s), {database.Provider}"));
        var times = new List<double>();
        for (var i = 0; i < iterations + 3; i++)
        {
            await using var db = database.NewContext();
            var timer = Stopwatch.StartNew();
            var rows = await MonitoringQuery.LoadAsync(db, today, CancellationToken.None);
            timer.Stop();
            if (rows.Count < periods)
            {
                throw new InvalidOperationException($"Only {rows.Count} rows.");
            }

            if (i >= 3)
            {
                times.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  p50 {times[times.Count / 2],6:F1} ms   p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1],6:F1} ms   max {times[^1],6:F1} ms   ({iterations} requests after 3 warm-up)"));
    }

    private static void Check(Sipp.Web.Infrastructure.Problems.Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException(refusal?.Message);
        }
    }
}
