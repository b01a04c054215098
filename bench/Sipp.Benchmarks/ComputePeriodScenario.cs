using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;

namespace Sipp.Benchmarks;

/// <summary>
/// "Hitung Iuran" of a 100,000-worker division: reading the workers and wages, computing and storing every line.
/// Targets: ≤ 2 s on PostgreSQL, ≤ 3 s on SQLite. After computing the month before (a running server has done such
/// work before), timed three times: the period's first computation, then two recomputations (which also delete the
/// previous lines).
/// </summary>
public static class ComputePeriodScenario
{
    public static async Task RunAsync(string provider, int workers)
    {
        await using var division = await LargeDivision.CreateAsync(provider, workers);
        var (database, divisionId, services) = (division.Database, division.DivisionId, division.Services);
        await using (var warmUp = services.CreateAsyncScope())
        {
            await warmUp.ServiceProvider.GetRequiredService<PeriodComputation>().ComputeAsync(divisionId, Period.Of(2026, 1), CancellationToken.None);
        }

        var period = Period.Of(2026, 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hitung Iuran {period}, {workers:N0} workers, {database.Provider}"));
        for (var run = 1; run <= 3; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var timer = Stopwatch.StartNew();
            var refusal = await scope.ServiceProvider.GetRequiredService<PeriodComputation>().ComputeAsync(divisionId, period, CancellationToken.None);
            timer.Stop();
            if (refusal is not null)
            {
                throw new InvalidOperationException(refusal?.Message);
            }

            var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
            var lines = await db.ContributionLines.CountAsync(l => l.ContributionPeriod.DivisionId == divisionId && l.ContributionPeriod.Period == period);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(run == 1 ? "compute  " : "recompute")}  {timer.Elapsed.TotalSeconds,6:F2} s   ({lines:N0} lines)"));
        }
    }
}
