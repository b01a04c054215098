using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;
using Sipp.Data.Companies;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.MonitorDivisions;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// "Portofolio Klien" of a bureau with many client divisions (issue 19, target p95 ≤ 200 ms): each client company
/// grants the bureau one division (accepted); every granted division has this month computed (half of them finalised),
/// one bill in three of last month past due, two workers waiting for verification and an upload being checked; as many
/// companies again have not granted it (4 divisions each). The staff member's rights (<c>DivisionAccess</c>) and the
/// per-division month (<c>DivisionsQuery</c>) on a fresh DbContext per request — what the portfolio page reads.
/// </summary>
public static class PortfolioScenario
{
    public const string StaffEmail = "biro@contoh.co.id";
    public const string StaffPassword = "Bench-Portofolio-2026";

    public static async Task RunAsync(string provider, int divisions, int iterations)
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        var (user, month, today) = await SeedAsync(database, divisions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Portofolio Klien, one bureau with {divisions} client divisions (+{4 * divisions} not granted), {database.Provider}"));
        var times = new List<double>();
        for (var i = 0; i < iterations + 3; i++)
        {
            await using var db = database.NewContext();
            var timer = Stopwatch.StartNew();
            var rights = await new DivisionAccess(db, TimeProvider.System).Grants(user.Id).ToListAsync();
            var rows = await DivisionsQuery.LoadAsync(db, rights, month, today, CancellationToken.None);
            timer.Stop();
            if (rows.Count != divisions || rows.Count(r => r.KodeIuran is not null) != (divisions + 1) / 2 || rows.Sum(r => r.LateBills) != (divisions + 2) / 3
                || rows.Sum(r => r.WaitingVerifications) != 2 * divisions || rows.Sum(r => r.WaitingUploads) != divisions)
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

    /// <summary>The bureau, its staff member (with a password, to sign in), its clients and the companies around them.</summary>
    internal static async Task<(AppUser User, Period Month, DateOnly Today)> SeedAsync(TestDatabase database, int divisions)
    {
        var now = DateTime.UtcNow;
        var today = TimeProvider.System.JakartaToday();
        var (month, last) = (Period.Containing(today), Period.Containing(today).AddMonths(-1));
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = StaffEmail, NormalizedUserName = StaffEmail.ToUpperInvariant(), Email = StaffEmail, NormalizedEmail = StaffEmail.ToUpperInvariant(),
            EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), FullName = "Biro Uji", CreatedAt = now,
        };
        user.PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<AppUser>().HashPassword(user, StaffPassword);
        await using (var db = database.NewContext())
        {
            db.Users.Add(user);
            var bureauCompany = new Company { Id = Guid.NewGuid(), Npp = "19999999", Name = "PT Biro Uji", JkkRiskClass = 1, CreatedAt = now };
            var bureau = new Bureau { Id = Guid.NewGuid(), Name = "Biro Uji", Code = "BIRO-BENCH001", CompanyId = bureauCompany.Id, CreatedAt = now };
            db.Companies.Add(bureauCompany);
            db.Bureaus.Add(bureau);
            db.BureauStaff.Add(new BureauStaff { BureauId = bureau.Id, UserId = user.Id, CreatedAt = now });
            for (var c = 0; c < 2 * divisions; c++)
            {
                var company = new Company { Id = Guid.NewGuid(), Npp = (20000000 + c).ToString(CultureInfo.InvariantCulture), Name = $"PT Uji {c}", JkkRiskClass = 1, CreatedAt = now };
                db.Companies.Add(company);
                var client = c < divisions;
                for (var d = 0; d < (client ? 1 : 4); d++)
                {
                    var division = new Division { Id = Guid.NewGuid(), CompanyId = company.Id, Code = d.ToString("000", CultureInfo.InvariantCulture), Name = $"Cabang {d}", BranchOffice = "Jakarta", CreatedAt = now };
                    db.Divisions.Add(division);
                    if (client)
                    {
                        db.BureauGrants.Add(new BureauGrant
                        {
                            BureauId = bureau.Id, DivisionId = division.Id, Role = MembershipRole.Operator, EndsOn = today.AddYears(1), Status = BureauGrantStatus.Aktif,
                            GrantedByName = "Admin", GrantedAt = now,
                        });
                        AddWaiting(db, division.Id, user.Id, c, now);
                    }

                    AddPeriod(db, division.Id, month, c % 2 == 0 ? PeriodStatus.Final : PeriodStatus.Dihitung, today.AddDays(14), c);
                    AddPeriod(db, division.Id, last, PeriodStatus.Final, c % 3 == 0 ? today.AddDays(-5) : today.AddDays(5), c);
                }
            }

            await db.SaveChangesAsync();
        }

        return (user, month, today);
    }

    /// <summary>Two workers waiting for verification and one upload being checked, as a client's division often has.</summary>
    private static void AddWaiting(Sipp.Data.SippDbContext db, Guid divisionId, Guid uploadedBy, int seed, DateTime now)
    {
        for (var w = 0; w < 2; w++)
        {
            var person = new Sipp.Data.Workers.Participant
            {
                Id = Guid.NewGuid(), Nik = (3171000000000000L + (seed * 10L) + w).ToString(CultureInfo.InvariantCulture), FullName = $"Pekerja {seed}-{w}",
                NameNormalized = $"PEKERJA {seed}-{w}", BirthDate = new DateOnly(1990, 1, 1), CreatedAt = now,
            };
            db.Participants.Add(person);
            db.Employments.Add(new Sipp.Data.Workers.Employment
            {
                Id = Guid.NewGuid(), DivisionId = divisionId, ParticipantId = person.Id, Status = Sipp.Domain.Workers.EmploymentStatus.MenungguVerifikasi,
                WorkStartDate = new DateOnly(2026, 1, 1), MembershipStartDate = new DateOnly(2026, 1, 1), RegisteredOn = new DateOnly(2026, 1, 1),
                CreatedAt = now, SortName = person.FullName,
            });
        }

        db.UploadBatches.Add(new Sipp.Data.Uploads.UploadBatch
        {
            Id = Guid.NewGuid(), DivisionId = divisionId, FileName = "upah.xlsx", State = Sipp.Data.Uploads.UploadState.Diperiksa, UploadedAt = now, UploadedByUserId = uploadedBy,
        });
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
