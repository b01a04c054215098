using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipp.Data.Audit;
using Sipp.Data.Companies;
using Sipp.Data.Workers;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Data;

/// <summary>What the bulk path writes reads back through EF Core exactly as EF itself would have written it.</summary>
public class BulkInsertTests
{
    [Theory]
    [DatabaseData]
    public async Task TheBulkPath_WritesEveryColumnOfTheTablesItFills_ButTheGeneratedKey(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "bulkcolumns");
        await using var db = database.NewContext();
        foreach (var entity in new[] { typeof(Participant), typeof(Employment), typeof(WageChange), typeof(AuditEvent), typeof(Sipp.Data.Contributions.ContributionLine), typeof(Sipp.Data.Contributions.LateCharge) })
        {
            var table = db.Model.FindEntityType(entity)!.GetTableName()!;
            var inDatabase = await ColumnsInDatabaseAsync(db, provider, table);
            var written = BulkInsert.ColumnsOf(db, entity);

            // Derived from the model: a column added to an entity (and its migration) is written without listing it anywhere.
            Assert.Empty(written.Except(inDatabase));
            Assert.All(inDatabase.Except(written), missing => Assert.Equal("Id", missing));
        }
    }

    private static async Task<List<string>> ColumnsInDatabaseAsync(Sipp.Data.SippDbContext db, DatabaseProvider provider, string table)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Postgres
            ? $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}'"
            : $"SELECT name FROM pragma_table_info('{table}')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        Assert.NotEmpty(columns);
        return columns;
    }

    [Theory]
    [DatabaseData]
    public async Task BulkInsertedWorkers_ReadBackIdentically_AndAreFoundByEveryQuery(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "bulk");
        var ct = TestContext.Current.CancellationToken;
        var now = new DateTime(2026, 3, 2, 3, 4, 5, 678, DateTimeKind.Utc).AddTicks(10); // whole microseconds, the precision of PostgreSQL
        var company = new Company { Id = Guid.NewGuid(), Npp = "50000001", Name = "PT Bulk", JkkRiskClass = 1, Size = CompanySize.Besar, TakesPartInJp = true, CreatedAt = now };
        var division = new Division { Id = Guid.NewGuid(), CompanyId = company.Id, Code = "000", Name = "Pusat", BranchOffice = "KC", CreatedAt = now };
        await using (var db = database.NewContext())
        {
            db.AddRange(company, division);
            await db.SaveChangesAsync(ct);
        }

        var participants = Enumerable.Range(1, 300).Select(i => new Participant
        {
            Id = Guid.NewGuid(), Nik = $"31710101019{i:D5}", FullName = $"Pekerja {i}", NameNormalized = $"PEKERJA {i}",
            BirthDate = new DateOnly(1990, 1, 1).AddDays(i), Sex = i % 2 == 0 ? Sex.Female : Sex.Male, Citizenship = Citizenship.Wni, CreatedAt = now,
        }).ToList();
        var employments = participants.Select((p, i) => new Employment
        {
            Id = Guid.NewGuid(), ParticipantId = p.Id, DivisionId = division.Id, Status = EmploymentStatus.MenungguVerifikasi, EmploymentType = EmploymentType.Pkwt,
            WorkStartDate = new DateOnly(2026, 1, 5), ContractEndDate = i % 2 == 0 ? new DateOnly(2026, 12, 31) : null, MembershipStartDate = new DateOnly(2026, 2, 1),
            RegisteredOn = new DateOnly(2026, 3, 2), CreatedAt = now, BirthPlace = "Jakarta", MotherMaidenName = "Ibu", MaritalStatus = MaritalStatus.Kawin,
            Address = "Jl. 'Kutip' \"Ganda\" No. 1", PostalCode = "12345", Phone = i % 3 == 0 ? null : "+6281200000000",
        }).ToList();
        foreach (var (employment, participant) in employments.Zip(participants))
        {
            Sipp.Data.WorkerListCopies.Copy(participant, employment);
        }

        var wages = employments.Select((e, i) => new WageChange { EmploymentId = e.Id, EffectiveFrom = Period.Of(2026, 2), Upah = 5_000_000 + i, CreatedAt = now }).ToList();
        var audits = employments.Select(e => new AuditEvent
        {
            OccurredAt = now, ActorUserId = Guid.NewGuid(), ActorName = "uji", DivisionId = division.Id, IpAddress = "127.0.0.1", Action = "tenagaKerja.tambah",
            EntityType = "TenagaKerja", EntityId = e.Id.ToString(), After = JsonSerializer.Serialize(new { nama = "x" }),
        }).ToList();

        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await WorkerBulkInsert.InsertAsync(db, participants, employments, wages, audits, ct);
            await transaction.CommitAsync(ct);
        }

        await using (var db = database.NewContext())
        {
            var stored = await db.Participants.AsNoTracking().OrderBy(p => p.Nik).ToListAsync(ct);
            Assert.Equal(300, stored.Count);
            var expected = participants.OrderBy(p => p.Nik).ToList();
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equivalent(expected[i], stored[i]);
            }

            var anEmployment = employments[10];
            var found = await db.Employments.AsNoTracking().Include(e => e.WageHistory).SingleAsync(e => e.Id == anEmployment.Id && e.DivisionId == division.Id, ct);
            Assert.Equal((anEmployment.ContractEndDate, anEmployment.CreatedAt, anEmployment.Status), (found.ContractEndDate, found.CreatedAt, found.Status));
            Assert.Equal((anEmployment.Address, anEmployment.Phone, anEmployment.MaritalStatus, anEmployment.MotherMaidenName), (found.Address, found.Phone, found.MaritalStatus, found.MotherMaidenName));
            Assert.Equal(5_000_010, Assert.Single(found.WageHistory).Upah);
            Assert.Equal(300, await db.WageChanges.CountAsync(w => w.EffectiveFrom <= Period.Of(2026, 3), ct));
            Assert.Equal(300, await db.AuditEvents.CountAsync(a => a.DivisionId == division.Id && a.OccurredAt == now, ct));
            Assert.Equal(150, await db.Employments.CountAsync(e => e.ContractEndDate == null, ct));
        }
    }
}
