using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Features.Contributions.ViewPeriod;

namespace Sipp.Benchmarks;

/// <summary>
/// Reviewing a computed month of a large division on the period page: its summary (totals, warnings and the filters'
/// counts kept by the computation), the count of each review filter (still run for a search within a filter), and a
/// filter's first page of 50 lines. Target: the worker list's p95 ≤ 100 ms.
/// </summary>
public static class ReviewScenario
{
    private static readonly Period February = Period.Of(2026, 2), March = Period.Of(2026, 3);

    public static async Task RunAsync(string provider, int workers, int iterations)
    {
        await using var large = await LargeDivision.CreateAsync(provider, workers);
        var made = Stopwatch.StartNew();
        await ComputeAsync(large, February);
        await using (var db = large.Database.NewContext())
        {
            // One worker in a hundred gets a raise from March, one in two hundred leaves in March.
            var ids = await db.Employments.Where(e => e.DivisionId == large.DivisionId).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            db.WageChanges.AddRange(ids.Where((_, i) => i % 100 == 0).Select(id => new WageChange { EmploymentId = id, EffectiveFrom = March, Upah = 9_000_000, CreatedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync();
            var leaving = ids.Where((_, i) => i % 200 == 1).ToList();
            await db.Employments.Where(e => leaving.Contains(e.Id)).ExecuteUpdateAsync(e => e.SetProperty(x => x.EndDate, new DateOnly(2026, 3, 20)));
        }

        var periodId = await ComputeAsync(large, March);
        await using (var db = large.Database.NewContext())
        {
            // A hundred corrections ("Koreksi").
            var corrected = await db.ContributionLines.Where(l => l.PeriodId == periodId).OrderBy(l => l.EmploymentId).Select(l => l.EmploymentId).Take(100).ToListAsync();
            await db.ContributionLines.Where(l => l.PeriodId == periodId && corrected.Contains(l.EmploymentId)).ExecuteUpdateAsync(l => l.SetProperty(x => x.WageCorrected, true));
            // A running server's statistics know of these changes (autovacuum, and the import's own ANALYZE): so must the bench's.
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Employments\"");
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"ContributionLines\"");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Review of {March} ({workers:N0} workers; 1% raised, 0.5% leaving, 100 corrected; made in {made.Elapsed.TotalSeconds:F1} s), {large.Database.Provider}"));
        // What every visit of the page reads besides its lines: totals per program, warnings, the filters' kept counts.
        var rules = await large.Services.GetRequiredService<Sipp.Web.Infrastructure.Data.RuleTableProvider>().GetAsync(CancellationToken.None);
        await MeasureAsync(large, iterations, "summary (totals, warnings, counts)", async db =>
            (await Sipp.Web.Features.Contributions.PeriodSummary.LoadAsync(db, rules, large.DivisionId, March, CancellationToken.None))!.Period.WorkerCount);

        // Counted only for a search within a filter now; kept on the period otherwise.
        foreach (var (key, _) in PeriodLineFilters.All)
        {
            await MeasureAsync(large, iterations, $"count of \"{key}\"", async db =>
                await PeriodLineFilters.Apply(db, Lines(db, periodId), March, key, 5_000_000)!.CountAsync());
        }

        foreach (var (key, _) in PeriodLineFilters.All)
        {
            await MeasureAsync(large, iterations, $"first page of \"{key}\"", async db =>
                await PeriodLineFilters.Apply(db, Lines(db, periodId), March, key, 5_000_000)!
                    .OrderBy(l => l.Employment.SortName).ThenBy(l => l.EmploymentId).Take(50)
                    .Select(l => new { l.EmploymentId, l.Employment.Participant.FullName, l.Upah, l.Total }).CountAsync());
        }
    }

    private static IQueryable<Sipp.Data.Contributions.ContributionLine> Lines(SippDbContext db, Guid periodId) =>
        db.ContributionLines.AsNoTracking().Where(l => l.PeriodId == periodId);

    private static async Task<Guid> ComputeAsync(LargeDivision large, Period period)
    {
        await using var scope = large.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<PeriodComputation>().ComputeAsync(large.DivisionId, period, CancellationToken.None) is { } refusal)
        {
            throw new InvalidOperationException(refusal?.Message);
        }

        return await scope.ServiceProvider.GetRequiredService<SippDbContext>().ContributionPeriods
            .Where(p => p.DivisionId == large.DivisionId && p.Period == period).Select(p => p.Id).SingleAsync();
    }

    private static async Task MeasureAsync(LargeDivision large, int iterations, string name, Func<SippDbContext, Task<int>> request)
    {
        var times = new List<double>();
        var found = 0;
        for (var i = 0; i < iterations + 3; i++)
        {
            await using var db = large.Database.NewContext();
            var timer = Stopwatch.StartNew();
            found = await request(db);
            timer.Stop();
            if (i >= 3)
            {
                times.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-36} p50 {times[times.Count / 2],6:F1} ms   p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1],6:F1} ms   ({found:N0} found)"));
    }
}
