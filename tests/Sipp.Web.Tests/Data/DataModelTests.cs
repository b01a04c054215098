using Sipp.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Sipp.Data.Companies;
using Sipp.Data.Contributions;
using Sipp.Data.Workers;
using Sipp.Domain.Contributions;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Data;

/// <summary>The model on each database: migrations, constraints, money, periods and times.</summary>
public class DataModelTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc);

    [Theory]
    [DatabaseData]
    public async Task TheModel_AndTheProvidersOneMigration_Agree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, nameof(TheModel_AndTheProvidersOneMigration_Agree));
        await using var db = database.NewProductContext();

        // Nothing is deployed yet: one initial migration per provider (issue 14), and it builds the model as it is now.
        Assert.Single(db.Database.GetMigrations());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration has: add one (dotnet ef migrations add) for both providers.");
    }

    [Theory]
    [DatabaseData]
    public async Task ShippedRules_AreLoadedOnce_AndReadBackAsTheSameTable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, nameof(ShippedRules_AreLoadedOnce_AndReadBackAsTheSameTable));
        await using var db = database.NewContext();

        var first = await RuleDataLoader.LoadShippedRulesAsync(db, TimeProvider.System, TestContext.Current.CancellationToken);
        var second = await RuleDataLoader.LoadShippedRulesAsync(db, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(RuleDataFile.Load().Count, first);
        Assert.Equal(0, second);
        var stored = await db.RuleEntries.AsNoTracking().Select(r => new RuleRow(r.Key, r.EffectiveFrom, r.Value, r.Note))
            .ToListAsync(TestContext.Current.CancellationToken);
        var table = new RuleTable(stored);
        Assert.Equal(11_086_300, table.AmountOn(RuleKeys.JpWageCap, new DateOnly(2026, 3, 1)));
        Assert.Equal(4_450, table.RateOn(RuleKeys.JkkClass(3), new DateOnly(2025, 6, 1)).Discounted(table.RateOn(RuleKeys.JkkLabourIntensiveDiscount, new DateOnly(2025, 6, 1))).PartsPerMillion);
        Assert.Equal(RuleDataFile.LoadTable().Rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.EffectiveFrom), table.Rows);
    }

    [Fact]
    public async Task ADatabaseLoadedWithTheFirstRules_GetsEveryNationalHolidayOnTheNextStart_AndKeepsItsRows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "rules-upgrade");
        await using var db = database.NewContext();
        var v1 = RuleDataFile.Load(1);
        db.RuleEntries.AddRange(v1.Select(r => new Sipp.Data.Rules.RuleEntry
        {
            Key = r.Key, EffectiveFrom = r.EffectiveFrom, Value = r.Value, Note = r.Note, Source = RuleDataFile.SourceName(1), CreatedAt = Now,
        }));
        await db.SaveChangesAsync(ct);

        var added = await RuleDataLoader.LoadShippedRulesAsync(db, TimeProvider.System, ct);

        var rows = await db.RuleEntries.AsNoTracking().ToListAsync(ct);
        Assert.Equal(RuleDataFile.Load().Count, rows.Count); // every row of the new file is there, none twice
        Assert.Equal(v1.Count, rows.Count(r => r.Source == RuleDataFile.SourceName(1))); // the old rows stay as they were
        Assert.Equal(rows.Count - v1.Count, added);
        var table = new RuleTable(rows.Select(r => new RuleRow(r.Key, r.EffectiveFrom, r.Value, r.Note)));
        Assert.Contains(new DateOnly(2022, 4, 15), table.Holidays); // Good Friday 2022
        Assert.Equal([2022, 2023, 2024, 2025, 2026], table.HolidayListYears.Order());
    }

    [Theory]
    [DatabaseData]
    public async Task Npp_IsUnique_AndDivisionCodesAreUniquePerCompany(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, nameof(Npp_IsUnique_AndDivisionCodesAreUniquePerCompany));
        var company = await AddCompanyAsync(database, "20000001");

        await using (var db = database.NewContext())
        {
            db.Companies.Add(NewCompany("20000001"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        await using (var db = database.NewContext())
        {
            db.Divisions.Add(NewDivision(company.Id, "000"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        await using (var db = database.NewContext())
        {
            db.Divisions.Add(NewDivision(company.Id, "001"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, await db.Divisions.CountAsync(d => d.CompanyId == company.Id, TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [DatabaseData]
    public async Task WageHistory_GivesTheWageInForceForEachPeriod(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, nameof(WageHistory_GivesTheWageInForceForEachPeriod));
        var company = await AddCompanyAsync(database, "20000002");
        var employmentId = await AddWorkerAsync(database, company.Divisions[0].Id, "3171011705900001", (Period.Of(2025, 1), 5_000_000), (Period.Of(2026, 1), 5_500_000));

        await using var db = database.NewContext();
        async Task<long?> WageIn(Period period) => await db.WageChanges
            .Where(w => w.EmploymentId == employmentId && w.EffectiveFrom <= period)
            .OrderByDescending(w => w.EffectiveFrom)
            .Select(w => (long?)w.Upah)
            .FirstOrDefaultAsync(TestContext.Current.CancellationToken);

        Assert.Null(await WageIn(Period.Of(2024, 12)));
        Assert.Equal(5_000_000, await WageIn(Period.Of(2025, 1)));
        Assert.Equal(5_000_000, await WageIn(Period.Of(2025, 12)));
        Assert.Equal(5_500_000, await WageIn(Period.Of(2026, 3)));

        db.WageChanges.Add(new WageChange { EmploymentId = employmentId, EffectiveFrom = Period.Of(2026, 1), Upah = 6_000_000, CreatedAt = Now });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [DatabaseData]
    public async Task AWageOutsideTheAllowedRange_IsRefusedByTheDatabaseToo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, nameof(AWageOutsideTheAllowedRange_IsRefusedByTheDatabaseToo));
        var company = await AddCompanyAsync(database, "20000006");

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            AddWorkerAsync(database, company.Divisions[0].Id, "3171011705900001", (Period.Of(2026, 1), 1_000_000_001)));
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Employments.CountAsync(TestContext.Current.CancellationToken)); // nothing half-written
    }

    [Theory]
    [DatabaseData]
    public async Task PeriodWithLines_StoresEveryShareExactly_AndHasOneLiveBill(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, nameof(PeriodWithLines_StoresEveryShareExactly_AndHasOneLiveBill));
        var company = await AddCompanyAsync(database, "20000003");
        var divisionId = company.Divisions[0].Id;
        var workers = new[]
        {
            (Nik: "3171011705900001", Upah: 12_000_000L),
            (Nik: "3171015708850002", Upah: 5_729_876L),
            (Nik: "3171010101700003", Upah: 1_000_000_000L),
        };
        var employmentIds = new List<Guid>();
        foreach (var (nik, upah) in workers)
        {
            employmentIds.Add(await AddWorkerAsync(database, divisionId, nik, (Period.Of(2026, 1), upah)));
        }

        var rules = PeriodRules.For(RuleDataFile.LoadTable(), Period.Of(2026, 3), new CompanyFacts(1, true, false));
        var periodId = Guid.NewGuid();
        long expectedTotal = 0;
        await using (var db = database.NewContext())
        {
            var period = new ContributionPeriod { Id = periodId, DivisionId = divisionId, Period = Period.Of(2026, 3), Status = PeriodStatus.Dihitung, ComputedAt = Now, Version = Guid.NewGuid() };
            for (var i = 0; i < workers.Length; i++)
            {
                var participant = await db.Employments.Where(e => e.Id == employmentIds[i]).Select(e => e.Participant).SingleAsync(TestContext.Current.CancellationToken);
                var result = ContributionEngine.Compute(rules, new WorkerFacts(workers[i].Upah, participant.BirthDate, participant.Citizenship));
                period.Lines.Add(new ContributionLine
                {
                    EmploymentId = employmentIds[i], Upah = result.Upah, JhtEmployer = result.JhtEmployer, JhtWorker = result.JhtWorker,
                    JkkEmployer = result.JkkEmployer, JkmEmployer = result.JkmEmployer, JpBase = result.JpBase, JpEmployer = result.JpEmployer,
                    JpWorker = result.JpWorker, JpStatus = result.JpStatus, JkpBase = result.JkpBase, JkpGovernment = result.JkpGovernment,
                    JkpFromJkk = result.JkpFromJkk, JkpFromJkm = result.JkpFromJkm, TotalEmployer = result.TotalEmployer,
                    TotalWorker = result.TotalWorker, Total = result.Total,
                });
                expectedTotal += result.Total;
            }

            period.Total = expectedTotal;
            period.WorkerCount = workers.Length;
            db.ContributionPeriods.Add(period);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = database.NewContext())
        {
            var lines = await db.ContributionLines.Where(l => l.PeriodId == periodId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(3, lines.Count);
            Assert.Equal(expectedTotal, lines.Sum(l => l.Total));
            Assert.Contains(lines, l => l is { Upah: 12_000_000, JpEmployer: 221_726, JpWorker: 110_863, Total: 1_081_389 });
            Assert.Contains(lines, l => l is { Upah: 1_000_000_000, JhtEmployer: 37_000_000, JhtWorker: 20_000_000 });
            Assert.Equal(
                expectedTotal,
                await db.ContributionLines.Where(l => l.PeriodId == periodId).SumAsync(l => l.Total, TestContext.Current.CancellationToken));
        }

        await using (var db = database.NewContext())
        {
            db.ContributionLines.Add(new ContributionLine { PeriodId = periodId, EmploymentId = employmentIds[0], Upah = 1 });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        var firstBill = NewBill(periodId, "12345678903");
        await using (var db = database.NewContext())
        {
            db.Bills.Add(firstBill);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = database.NewContext())
        {
            db.Bills.Add(NewBill(periodId, "00000000000"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        await using (var db = database.NewContext())
        {
            var voided = await db.Bills.SingleAsync(b => b.Id == firstBill.Id, TestContext.Current.CancellationToken);
            voided.Status = BillStatus.Dibatalkan;
            voided.VoidedAt = Now;
            db.Bills.Add(NewBill(periodId, "00000000000"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken); // a voided bill does not block a new one
            Assert.Equal(2, await db.Bills.CountAsync(b => b.PeriodId == periodId, TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [DatabaseData]
    public async Task Times_AreStoredAndReadAsUtc(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, nameof(Times_AreStoredAndReadAsUtc));
        var company = await AddCompanyAsync(database, "20000004");

        await using var db = database.NewContext();
        var stored = await db.Companies.SingleAsync(c => c.Id == company.Id, TestContext.Current.CancellationToken);

        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.Equal(Now, stored.CreatedAt);
    }

    [Theory]
    [DatabaseData]
    public async Task SearchWithinADivision_FindsByNameNikOrKpj(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, nameof(SearchWithinADivision_FindsByNameNikOrKpj));
        var company = await AddCompanyAsync(database, "20000005");
        var divisionId = company.Divisions[0].Id;
        await AddWorkerAsync(database, divisionId, "3171011705900001", (Period.Of(2026, 1), 5_000_000));
        await AddWorkerAsync(database, divisionId, "3171015708850002", (Period.Of(2026, 1), 5_000_000));

        await using var db = database.NewContext();
        var inDivision = db.Employments.Where(e => e.DivisionId == divisionId);

        Assert.Single(await inDivision.Where(e => e.Participant.NameNormalized.Contains("NIK 3171015708850002".ToUpperInvariant())).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Single(await inDivision.Where(e => e.Participant.Nik == "3171011705900001").ToListAsync(TestContext.Current.CancellationToken));
        var kpj = await db.Participants.Where(p => p.Nik == "3171015708850002").Select(p => p.Kpj).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Single(await inDivision.Where(e => e.Participant.Kpj == kpj).ToListAsync(TestContext.Current.CancellationToken));
        var otherDivision = Guid.NewGuid();
        Assert.Empty(await db.Employments.Where(e => e.DivisionId == otherDivision).ToListAsync(TestContext.Current.CancellationToken));
    }

    private static Bill NewBill(Guid periodId, string kodeIuran) => new()
    {
        Id = Guid.NewGuid(), PeriodId = periodId, KodeIuran = kodeIuran, Channel = "BNI", ContributionAmount = 1, TotalAmount = 1,
        DueDate = new DateOnly(2026, 4, 15), Status = BillStatus.MenungguPembayaran, IssuedAt = Now,
    };

    private static Company NewCompany(string npp) => new()
    {
        Id = Guid.NewGuid(), Npp = npp, Name = "PT Uji " + npp, JkkRiskClass = 1, Size = CompanySize.Besar, TakesPartInJp = true, CreatedAt = Now,
    };

    private static Division NewDivision(Guid companyId, string code) => new()
    {
        Id = Guid.NewGuid(), CompanyId = companyId, Code = code, Name = "Divisi " + code, BranchOffice = "Kantor Cabang Uji", CreatedAt = Now,
    };

    private static async Task<Company> AddCompanyAsync(TestDatabase database, string npp)
    {
        var company = NewCompany(npp);
        company.Divisions.Add(NewDivision(company.Id, "000"));
        await using var db = database.NewContext();
        db.Companies.Add(company);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return company;
    }

    private static int _kpj;

    private static async Task<Guid> AddWorkerAsync(TestDatabase database, Guid divisionId, string nik, params (Period From, long Upah)[] wages)
    {
        var serial = Interlocked.Increment(ref _kpj);
        var participant = new Participant
        {
            Id = Guid.NewGuid(), Kpj = (91_000_000_000L + serial).ToString(System.Globalization.CultureInfo.InvariantCulture), Nik = nik,
            FullName = "Pekerja NIK " + nik, NameNormalized = "PEKERJA NIK " + nik, BirthDate = new DateOnly(1990, 5, 17),
            Sex = Sex.Male, Citizenship = Citizenship.Wni, CreatedAt = Now,
        };
        var employment = new Employment
        {
            Id = Guid.NewGuid(), ParticipantId = participant.Id, DivisionId = divisionId, Status = EmploymentStatus.Aktif,
            EmploymentType = EmploymentType.Pkwtt, WorkStartDate = new DateOnly(2025, 1, 1), MembershipStartDate = new DateOnly(2025, 1, 1),
            RegisteredOn = new DateOnly(2025, 1, 1), CreatedAt = Now,
        };
        foreach (var (from, upah) in wages)
        {
            employment.WageHistory.Add(new WageChange { EffectiveFrom = from, Upah = upah, CreatedAt = Now });
        }

        await using var db = database.NewContext();
        db.Participants.Add(participant);
        db.Employments.Add(employment);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return employment.Id;
    }
}
