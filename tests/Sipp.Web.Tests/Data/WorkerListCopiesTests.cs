using Microsoft.EntityFrameworkCore;
using Sipp.Data.Companies;
using Sipp.Data.Workers;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers.ListWorkers;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Data;

/// <summary>The worker list's copies follow every change of name, KPJ, NIK and wage, whichever way it is saved.</summary>
public class WorkerListCopiesTests
{
    [Theory]
    [DatabaseData]
    public async Task TheListFindsAndSortsByTheCurrentNameKpjAndWage_AfterEachChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "copies");
        var ct = TestContext.Current.CancellationToken;
        var now = DateTime.UtcNow;
        var company = new Company { Id = Guid.NewGuid(), Npp = "60000001", Name = "PT Salinan", JkkRiskClass = 1, Size = CompanySize.Kecil, CreatedAt = now };
        var division = new Division { Id = Guid.NewGuid(), CompanyId = company.Id, Code = "000", Name = "Pusat", BranchOffice = "KC", CreatedAt = now };
        var participant = new Participant
        {
            Id = Guid.NewGuid(), Nik = "3171011705900001", FullName = "Budi Santoso", NameNormalized = "BUDI SANTOSO", BirthDate = new DateOnly(1990, 5, 17),
            Sex = Sex.Male, Citizenship = Citizenship.Wni, CreatedAt = now,
        };
        var employment = new Employment
        {
            Id = Guid.NewGuid(), ParticipantId = participant.Id, DivisionId = division.Id, Status = EmploymentStatus.MenungguVerifikasi,
            EmploymentType = EmploymentType.Pkwtt, WorkStartDate = new DateOnly(2025, 1, 1), MembershipStartDate = new DateOnly(2025, 1, 1),
            RegisteredOn = new DateOnly(2025, 1, 1), CreatedAt = now,
        };
        employment.WageHistory.Add(new WageChange { EffectiveFrom = Period.Of(2025, 1), Upah = 5_000_000, CreatedAt = now });
        await using (var db = database.NewContext())
        {
            db.AddRange(company, division, participant, employment);
            await db.SaveChangesAsync(ct);
        }

        async Task<IReadOnlyList<WorkerRow>> FindAsync(string search)
        {
            await using var db = database.NewContext();
            return (await WorkerListQuery.RunAsync(db, Period.Of(2026, 3), new WorkerListRequest(search, null, "upah", true, 1), ct)).Rows;
        }

        Assert.Single(await FindAsync("santoso"));
        Assert.Single(await FindAsync("3171011705900001"));

        await using (var db = database.NewContext())
        {
            var p = await db.Participants.SingleAsync(x => x.Id == participant.Id, ct);
            p.FullName = "Budi Santosa";
            p.NameNormalized = "BUDI SANTOSA";
            p.Kpj = "26000000001"; // approved
            await db.SaveChangesAsync(ct);
        }

        Assert.Empty(await FindAsync("santoso"));
        Assert.Equal("Budi Santosa", Assert.Single(await FindAsync("santosa")).Name);
        Assert.Single(await FindAsync("26000000001"));
        Assert.Single(await FindAsync("2600000"));

        await using (var db = database.NewContext())
        {
            db.WageChanges.Add(new WageChange { EmploymentId = employment.Id, EffectiveFrom = Period.Of(2026, 7), Upah = 9_000_000, CreatedAt = now });
            await db.SaveChangesAsync(ct);
            Assert.Equal(9_000_000, await db.Employments.Where(e => e.Id == employment.Id).Select(e => e.LatestUpah).SingleAsync(ct));

            var july = await db.WageChanges.SingleAsync(w => w.EmploymentId == employment.Id && w.EffectiveFrom == Period.Of(2026, 7), ct);
            db.WageChanges.Remove(july);
            await db.SaveChangesAsync(ct);
            Assert.Equal(5_000_000, await db.Employments.Where(e => e.Id == employment.Id).Select(e => e.LatestUpah).SingleAsync(ct));
        }

        Assert.Equal(5_000_000, Assert.Single(await FindAsync("santosa")).Upah); // the wage in force in 2026-03
    }
}
