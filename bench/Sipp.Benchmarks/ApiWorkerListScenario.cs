using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Api;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// The payroll API's worker list of a 100,000-worker division (issue 18, item 8): first pages, a page deep in the list
/// by its cursor, searches and a status filter, each request on a fresh DbContext (as per HTTP request). Target: p95
/// ≤ 100 ms. The token check and the client check per call (two indexed reads) are not in the figure.
/// </summary>
public static class ApiWorkerListScenario
{
    public static async Task RunAsync(string provider, int workers, int iterations)
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        Guid divisionId;
        await using (var db = database.NewContext())
        {
            divisionId = (await LargeCompanySeed.CreateAsync(db, workers, DateTime.UtcNow, CancellationToken.None))!.Value;
        }

        (string SortName, Guid Id) middle;
        string kpj;
        await using (var db = database.NewContextFor(divisionId))
        {
            var sample = await db.Employments.OrderBy(e => e.SortName).ThenBy(e => e.Id).Skip(workers / 2).Select(e => new { e.SortName, e.Id, e.Participant.Kpj }).FirstAsync();
            (middle, kpj) = ((sample.SortName, sample.Id), sample.Kpj!);
        }

        var current = Period.Of(2026, 3);
        var cases = new (string Name, string? Search, EmploymentStatus? Status, (string, Guid)? After)[]
        {
            ("halaman pertama (100)", null, null, null),
            ("halaman di tengah (kursor)", null, null, middle),
            ("cari nama \"santoso\"", "santoso", null, null),
            ("cari KPJ persis", kpj, null, null),
            ("filter aktif, di tengah", null, EmploymentStatus.Aktif, middle),
        };

        Console.WriteLine($"API worker list, {workers:N0} workers, {database.Provider}, {iterations} requests per case (after 3 warm-up)");
        var all = new List<double>();
        foreach (var (name, search, status, after) in cases)
        {
            var times = new List<double>();
            for (var i = 0; i < iterations + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                await using var db = database.NewContextFor(divisionId);
                var (rows, _) = await WorkersApi.PageAsync(db, current, search, status, after, WorkersApi.DefaultPageSize, CancellationToken.None);
                watch.Stop();
                if (rows.Count == 0)
                {
                    throw new InvalidOperationException($"{name}: no rows");
                }

                if (i >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            all.AddRange(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-28} p50 {WorkerListScenario.Percentile(times, 50),7:F1} ms   p95 {WorkerListScenario.Percentile(times, 95),7:F1} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"all cases",-28} p50 {WorkerListScenario.Percentile(all, 50),7:F1} ms   p95 {WorkerListScenario.Percentile(all, 95),7:F1} ms"));
    }
}
