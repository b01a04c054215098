using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Features.Payments;
using Sipp.Web.Features.Workers.Uploads;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// The yearly raise decided late: a whole division's wages raised by "Upload Perubahan Upah" from two months that are
/// already final, so every worker gets Iuran Rapel for each. Times the check, the import (which records the charges)
/// and the finalisation of the current month that bills them. Targets: as an upload (check ≤ 5 s, import ≤ 10 s), and
/// the finalisation within "Hitung Iuran"'s (≤ 3 s SQLite, ≤ 2 s PostgreSQL).
/// </summary>
public static class LateRaiseScenario
{
    public static async Task RunAsync(string provider, int workers)
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        Guid divisionId;
        await using (var db = database.NewContext())
        {
            await RuleDataLoader.LoadShippedRulesAsync(db, TimeProvider.System, CancellationToken.None);
            divisionId = (await LargeCompanySeed.CreateAsync(db, workers, DateTime.UtcNow, CancellationToken.None))!.Value;
        }

        var folder = Directory.CreateTempSubdirectory("sipp-bench-late-raise").FullName;
        var channel = new PaymentChannel { Code = "BNI_VA", Name = "BNI", Instructions = "Kode {kode}" };
        await using var services = new ServiceCollection()
            .AddScoped(_ => database.NewContextFor(divisionId))
            .AddSingleton<RuleTableProvider>()
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Options.Create(new PaymentOptions { Channels = [channel] }))
            .AddSingleton(Options.Create(new UploadOptions { Folder = folder }))
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new HostingEnvironment { ContentRootPath = folder })
            .AddScoped<UploadStorage>()
            .AddScoped<AuditLog>()
            .AddScoped<PeriodComputation>()
            .AddScoped<Sipp.Web.Features.Api.Webhooks.WebhookEvents>()
            .AddScoped<BillIssuing>()
            .AddScoped<LateChargePlanner>()
            .AddScoped<UploadChecker>()
            .AddScoped<UploadImporter>()
            .BuildServiceProvider();

        var current = Period.Containing(TimeProvider.System.JakartaToday());
        var final = new[] { current.AddMonths(-2), current.AddMonths(-1) };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Upload Perubahan Upah of {workers:N0} workers, {database.Provider}"));

        // Baseline, in the same run: the same upload into a month not final (no late charge to plan or record).
        await UploadAsync(services, divisionId, current, raise: 250_000, $"from {current}, not final");
        foreach (var month in final)
        {
            await using var scope = services.CreateAsyncScope();
            Check(await scope.ServiceProvider.GetRequiredService<PeriodComputation>().ComputeAsync(divisionId, month, CancellationToken.None));
            Check(await scope.ServiceProvider.GetRequiredService<BillIssuing>().FinalizeAsync(divisionId, month, channel.Code, CancellationToken.None));
        }

        await using (var db = database.NewContext())
        {
            // A running server's statistics know of the months' 200,000 new lines (autovacuum): so must the bench's.
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"ContributionLines\"");
        }

        await UploadAsync(services, divisionId, final[0], raise: 500_000, $"from {final[0]}, 2 months final");
        int charges;
        await using (var db = database.NewContext())
        {
            charges = await db.LateCharges.CountAsync(c => c.DivisionId == divisionId);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({charges:N0} Iuran Rapel recorded)"));
        await using (var scope = services.CreateAsyncScope())
        {
            Check(await scope.ServiceProvider.GetRequiredService<PeriodComputation>().ComputeAsync(divisionId, current, CancellationToken.None));
        }

        var finalise = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            Check(await scope.ServiceProvider.GetRequiredService<BillIssuing>().FinalizeAsync(divisionId, current, channel.Code, CancellationToken.None));
        }

        await using (var db = database.NewContext())
        {
            var bill = await db.Bills.AsNoTracking().SingleAsync(b => b.ContributionPeriod.DivisionId == divisionId && b.ContributionPeriod.Period == current);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  finalise {current} {finalise.Elapsed.TotalSeconds,6:F2} s   (Iuran Rapel {bill.BackPayAmount:N0} on the bill)"));
        }

        Directory.Delete(folder, recursive: true);
    }

    internal static async Task UploadAsync(IServiceProvider services, Guid divisionId, Period from, long raise, string label)
    {
        var batch = await WageUploadAsync(services, divisionId, from, raise);
        var check = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UploadChecker>().CheckAsync(batch, CancellationToken.None);
        }

        check.Stop();
        var import = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            Check(await scope.ServiceProvider.GetRequiredService<UploadImporter>().ImportAsync(batch, new Actor(Guid.NewGuid(), "bench", "127.0.0.1"), CancellationToken.None));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-26} check {check.Elapsed.TotalSeconds,6:F2} s   import {import.Elapsed.TotalSeconds,6:F2} s"));
    }

    /// <summary>A CSV of every worker's KPJ with their first wage + <paramref name="raise"/> from <paramref name="from"/>, ready to be checked.</summary>
    private static async Task<Guid> WageUploadAsync(IServiceProvider services, Guid divisionId, Period from, long raise)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
        var rows = await db.Employments.AsNoTracking().Where(e => e.DivisionId == divisionId && e.Participant.Kpj != null)
            .Select(e => new { e.Participant.Kpj, Upah = e.WageHistory.OrderBy(w => w.EffectiveFrom).Select(w => w.Upah).First() }).ToListAsync();
        var text = new StringBuilder("KPJ;Upah;Periode Mulai\r\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Kpj};{row.Upah + raise};{from}\r\n");
        }

        var batch = new UploadBatch
        {
            Id = Guid.NewGuid(), DivisionId = divisionId, Kind = UploadKind.Upah, FileName = "kenaikan.csv", Format = UploadFormat.Csv,
            State = UploadState.Diperiksa, UploadedAt = DateTime.UtcNow,
        };
        var content = new UTF8Encoding(false).GetBytes(text.ToString());
        batch.SizeBytes = content.Length;
        db.UploadBatches.Add(batch);
        db.UploadContents.Add(new UploadContent { BatchId = batch.Id, Content = content });
        await db.SaveChangesAsync();
        return batch.Id;
    }

    private static void Check(Sipp.Web.Infrastructure.Problems.Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException(refusal?.Message);
        }
    }
}
