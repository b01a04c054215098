using System.Diagnostics;
using System.Globalization;
using Sipp.Data.Accounts;
using Sipp.Data.Companies;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.MonitorDivisions;
using Sipp.Web.Infrastructure;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// "Monitoring Iuran Semua Divisi" of a user who belongs to many divisions (issue 19: a bureau's portfolio will read the
/// same per-division month over 200 clients, target p95 ≤ 200 ms): every division has this month computed (half of them
/// finalised) and one bill in three of last month is past due; 50 other companies' divisions are in the database too.
/// The query on a fresh DbContext per request.
/// </summary>
public static class DivisionsScenario
{
    public static async Task RunAsync(string provider, int divisions, int iterations)
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        var now = DateTime.UtcNow;
        var today = TimeProvider.System.JakartaToday();
        var (month, last) = (Period.Containing(today), Period.Containing(today).AddMonths(-1));
        var user = new AppUser { Id = Guid.NewGuid(), UserName = "biro@contoh.co.id", Email = "biro@contoh.co.id", FullName = "Biro Uji", CreatedAt = now };
        Guid companyId = Guid.Empty;
        await using (var db = database.NewContext())
        {
            db.Users.Add(user);
            for (var c = 0; c < 1 + 50; c++)
            {
                var company = new Company { Id = Guid.NewGuid(), Npp = (20000000 + c).ToString(CultureInfo.InvariantCulture), Name = $"PT Uji {c}", JkkRiskClass = 1, CreatedAt = now };
                db.Companies.Add(company);
                companyId = c == 0 ? company.Id : companyId;
                for (var d = 0; d < (c == 0 ? divisions : 4); d++)
                {
                    var division = new Division { Id = Guid.NewGuid(), CompanyId = company.Id, Code = d.ToString("000", CultureInfo.InvariantCulture), Name = $"Cabang {d}", BranchOffice = "Jakarta", CreatedAt = now };
                    db.Divisions.Add(division);
                    if (c == 0)
                    {
                        db.Memberships.Add(new Membership { UserId = user.Id, DivisionId = division.Id, Role = MembershipRole.Operator, CreatedAt = now });
                    }

                    AddPeriod(db, division.Id, month, d % 2 == 0 ? PeriodStatus.Final : PeriodStatus.Dihitung, today.AddDays(14), d);
                    AddPeriod(db, division.Id, last, PeriodStatus.Final, d % 3 == 0 ? today.AddDays(-5) : today.AddDays(5), d);
                }
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Monitoring Iuran Semua Divisi, one user in {divisions} divisions of one company (+200 others'), {database.Provider}"));
        var times = new List<double>();
        for (var i = 0; i < iterations + 3; i++)
        {
            await using var db = database.NewContext();
            var timer = Stopwatch.StartNew();
            var rows = await DivisionsQuery.LoadAsync(db, user.Id, companyId, month, today, CancellationToken.None);
            timer.Stop();
            if (rows.Count != divisions || rows.Count(r => r.KodeIuran is not null) != (divisions + 1) / 2 || rows.Sum(r => r.LateBills) != (divisions + 2) / 3)
            {
                throw new InvalidOperationException($"{rows.Count} rows, {rows.Count(r => r.KodeIuran is not null)} bills, {rows.Sum(r => r.LateBills)} late.");
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

    /// <summary>A period with its totals and, when final, its unpaid bill due on <paramref name="due"/>.</summary>
    private static void AddPeriod(Sipp.Data.SippDbContext db, Guid divisionId, Period period, PeriodStatus status, DateOnly due, int seed)
    {
        var total = 10_000_000L + (seed * 1_000L);
        var stored = new ContributionPeriod
        {
            Id = Guid.NewGuid(), DivisionId = divisionId, Period = period, Status = status, WorkerCount = 100 + seed, Total = total, JhtTotal = total / 2, JkkTotal = total / 10,
            JkmTotal = total / 10, JpTotal = total - (total / 2) - (2 * (total / 10)), DueDate = status == PeriodStatus.Final ? due : null,
        };
        db.ContributionPeriods.Add(stored);
        if (status == PeriodStatus.Final)
        {
            db.Bills.Add(new Bill
            {
                Id = Guid.NewGuid(), PeriodId = stored.Id, KodeIuran = Sipp.Domain.Identifiers.KodeIuran.FromPayload(Random.Shared.NextInt64(1, 9_999_999_999)).Value,
                Channel = "BNI_VA", ContributionAmount = total, TotalAmount = total, DueDate = due, Status = BillStatus.MenungguPembayaran, IssuedAt = DateTime.UtcNow,
            });
        }
    }
}
