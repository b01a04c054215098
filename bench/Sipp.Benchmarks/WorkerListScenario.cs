using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers.ListWorkers;
using Sipp.Web.Infrastructure.Data;

using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// "Daftar Tenaga Kerja" of a 100,000-worker division: search and paging as users do them, each request on a fresh
/// DbContext (as per HTTP request). Target: 95th percentile ≤ 100 ms.
/// </summary>
public static class WorkerListScenario
{
    public static async Task RunAsync(string provider, int workers, int iterations)
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        Guid divisionId;
        await using (var db = database.NewContext())
        {
            divisionId = (await LargeCompanySeed.CreateAsync(db, workers, DateTime.UtcNow, CancellationToken.None))!.Value;
        }

        string kpj, nik;
        await using (var db = database.NewContext())
        {
            var sample = await db.Participants.OrderBy(p => p.Kpj).Skip(workers / 2).Select(p => new { p.Kpj, p.Nik }).FirstAsync();
            (kpj, nik) = (sample.Kpj!, sample.Nik!);
        }

        var current = Period.Of(2026, 3);
        var scenarios = new (string Name, WorkerListRequest Request)[]
        {
            ("halaman 1, urut nama", new(null, null, "nama", false, 1)),
            ("halaman 1000, urut nama", new(null, null, "nama", false, 1000)),
            ("cari nama \"santoso\"", new("santoso", null, "nama", false, 1)),
            ("cari NIK persis", new(nik, null, "nama", false, 1)),
            ("cari KPJ persis", new(kpj, null, "nama", false, 1)),
            ("cari awalan KPJ (7 angka)", new(kpj[..7], null, "nama", false, 1)),
            ("filter Non Aktif", new(null, EmploymentStatus.NonAktif, "nama", false, 1)),
            ("urut upah turun", new(null, null, "upah", true, 1)),
        };

        Console.WriteLine($"Worker list, {workers:N0} workers, {database.Provider}, {iterations} requests per case (after 3 warm-up)");
        var all = new List<double>();
        foreach (var (name, request) in scenarios)
        {
            var times = new List<double>();
            for (var i = 0; i < iterations + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                await using var db = database.NewContext();
                var page = await WorkerListQuery.RunAsync(db, current, request, CancellationToken.None);
                watch.Stop();
                if (i >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                if (page.Rows.Count == 0 && request.Status is null)
                {
                    throw new InvalidOperationException($"{name}: no rows");
                }
            }

            all.AddRange(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} p50 {Percentile(times, 50),7:F1} ms   p95 {Percentile(times, 95),7:F1} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"all cases",-28} p50 {Percentile(all, 50),7:F1} ms   p95 {Percentile(all, 95),7:F1} ms"));
    }

    public static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
