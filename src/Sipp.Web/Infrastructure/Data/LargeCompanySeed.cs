using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Audit;
using Sipp.Data.Companies;
using Sipp.Data.Workers;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// `dotnet run --project src/Sipp.Web -- seed --workers 100000`: a large company for measuring speed — "PT Karya
/// Raya Nusantara", NPP 20000001 division 000, with the given number of active workers (bulk-inserted), and the demo
/// company user as its Admin. Running it again adds nothing.
/// </summary>
public static class LargeCompanySeed
{
    public const string Npp = "20000001";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var count = args.SkipWhile(a => a != "--workers").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(100_000);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<SippDbContext>>();
        var divisionId = await CreateAsync(db, count, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        if (divisionId is null)
        {
            logger.LogInformation("Company {Npp} exists already; nothing added", Npp);
            return 0;
        }

        var hrd = await db.Users.SingleOrDefaultAsync(u => u.Email == DevelopmentSeed.CompanyUserEmail);
        if (hrd is not null)
        {
            db.Memberships.Add(new Membership { UserId = hrd.Id, DivisionId = divisionId.Value, Role = MembershipRole.Admin, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        logger.LogInformation("Seeded company {Npp} with {Count} workers", Npp, count);
        return 0;
    }

    /// <summary>Creates the company with <paramref name="count"/> active workers; null when it exists already.</summary>
    public static async Task<Guid?> CreateAsync(SippDbContext db, int count, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Companies.AnyAsync(c => c.Npp == Npp, cancellationToken))
        {
            return null;
        }

        var company = new Company { Id = Guid.NewGuid(), Npp = Npp, Name = "PT Karya Raya Nusantara", JkkRiskClass = 3, Size = CompanySize.Besar, TakesPartInJp = true, CreatedAt = now };
        var division = new Division { Id = Guid.NewGuid(), CompanyId = company.Id, Code = "000", Name = "Kantor Pusat", BranchOffice = "Kantor Cabang Bekasi", CreatedAt = now };
        var random = new Random(count);
        var usedNiks = (await db.Participants.Where(p => p.Nik != null).Select(p => p.Nik!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var participants = new List<Participant>(count);
        var employments = new List<Employment>(count);
        var wages = new List<WageChange>(count * 2);
        for (var i = 0; i < count; i++)
        {
            var person = SeedPeople.Create(random, i, SeedPeople.Regions[i % SeedPeople.Regions.Length]);
            var nik = person.Nik;
            for (var serial = i; !usedNiks.Add(nik); serial += 7919)
            {
                nik = SeedPeople.NikFor(nik[..6], person.BirthDate, person.Sex, serial);
            }

            var participant = new Participant
            {
                Id = Guid.CreateVersion7(), Kpj = (91_000_000_000L + i).ToString(CultureInfo.InvariantCulture), Nik = nik, FullName = person.Name,
                NameNormalized = person.Name.ToUpperInvariant(), BirthDate = person.BirthDate, Sex = person.Sex, Citizenship = Citizenship.Wni, CreatedAt = now,
            };
            var start = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 10 * 365));
            start = new DateOnly(start.Year, start.Month, 1);
            var employment = new Employment
            {
                Id = Guid.CreateVersion7(), ParticipantId = participant.Id, DivisionId = division.Id, Status = EmploymentStatus.Aktif, EmploymentType = EmploymentType.Pkwtt,
                WorkStartDate = start, MembershipStartDate = start, RegisteredOn = start, CreatedAt = now, VerifiedAt = now,
                BirthPlace = person.BirthPlace, MotherMaidenName = person.MotherMaidenName, MaritalStatus = MaritalStatus.Kawin, Address = person.Address,
                PostalCode = person.PostalCode, Phone = person.Phone,
            };
            var upah = random.Next(45, 250) * 100_000L;
            wages.Add(new WageChange { EmploymentId = employment.Id, EffectiveFrom = Period.Containing(start), Upah = upah, CreatedAt = now });
            if (start.Year < 2026)
            {
                wages.Add(new WageChange { EmploymentId = employment.Id, EffectiveFrom = Period.Of(2026, 1), Upah = upah + 250_000, CreatedAt = now });
            }

            WorkerListCopies.Copy(participant, employment);
            employment.LatestUpah = wages[^1].Upah;
            participants.Add(participant);
            employments.Add(employment);
        }

        // The company and its workers appear together, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AddRange(company, division);
        await db.SaveChangesAsync(cancellationToken);
        await WorkerBulkInsert.InsertAsync(db, participants, employments, wages, Array.Empty<AuditEvent>(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken); // statistics for the query planner
        return division.Id;
    }
}
