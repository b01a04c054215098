using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Features.Workers.ReportWages;
using Sipp.Web.Features.Workers.Uploads;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// "Lapor Upah" of a whole division (issue 18, item 8): the payroll's list of every worker, each with a raise, reconciled
/// as a dry run and then applied. Targets: dry run ≤ 5 s, apply ≤ 10 s, under 500 MB. Baseline in the same run: the
/// same raise of every worker by "Upload Perubahan Upah" (its check and import).
/// </summary>
public static class WageReportScenario
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

        var folder = Directory.CreateTempSubdirectory("sipp-bench-wage-report").FullName;
        await using var services = new ServiceCollection()
            .AddScoped(_ => database.NewContextFor(divisionId))
            .AddSingleton<RuleTableProvider>()
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Options.Create(new UploadOptions { Folder = folder }))
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new HostingEnvironment { ContentRootPath = folder })
            .AddScoped<UploadStorage>()
            .AddScoped<AuditLog>()
            .AddScoped<LateChargePlanner>()
            .AddScoped<Sipp.Web.Features.Api.Webhooks.WebhookEvents>()
            .AddScoped<UploadChecker>()
            .AddScoped<UploadImporter>()
            .AddScoped<WageReport>()
            .BuildServiceProvider();

        var current = Period.Containing(TimeProvider.System.JakartaToday());
        List<ReportedWage> lines;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
            var rows = await db.Employments.AsNoTracking().Where(e => e.Participant.Kpj != null)
                .Select(e => new { e.Participant.Kpj, Upah = e.WageHistory.OrderByDescending(w => w.EffectiveFrom).Select(w => w.Upah).First() }).ToListAsync();
            lines = rows.Select((r, i) => new ReportedWage(i + 1, r.Kpj, null, (r.Upah + 100_000).ToString(CultureInfo.InvariantCulture), null, null)).ToList();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lapor Upah of {lines.Count:N0} workers (every one raised), {database.Provider}"));
        using var sampler = new PeakSampler();
        foreach (var apply in new[] { false, true })
        {
            GC.Collect();
            sampler.TakePeak();
            var watch = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<WageReport>().ReconcileAsync(
                current.ToString(), lines, apply, new Actor(Guid.NewGuid(), "bench", "127.0.0.1"), CancellationToken.None);
            watch.Stop();
            var r = result.Value ?? throw new InvalidOperationException(result.Refusal!.Message);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(apply ? "apply  " : "dry run")} {watch.Elapsed.TotalSeconds,6:F2} s   peak working set {sampler.TakePeak() / 1024 / 1024,6:N0} MB   ({r.Changes.Count:N0} changes, {r.Unchanged:N0} unchanged, {r.Refused.Count:N0} refused)"));
        }

        await LateRaiseScenario.UploadAsync(services, divisionId, current, raise: 200_000, "baseline: the same by upload");
        Directory.Delete(folder, recursive: true);
    }
}
