using Sipp.Domain.Workers;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Rules;
using Sipp.Domain.Rules;
using Sipp.Data.Companies;
using Sipp.Data.Workers;
using Sipp.Domain.People;
using Sipp.Domain.Periods;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// The development seed of product.md §12. Created once on first start in Development; running it again changes
/// nothing (each part is looked up first).
/// </summary>
public sealed class DevelopmentSeed(SippDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock)
{
    public const string CompanyUserEmail = "hrd@contoh.co.id";
    public const string CompanyUserPassword = "Sipp-Demo-2026!";
    public const string OfficerEmail = "petugas@bpjs.local";
    public const string OfficerPassword = "Sipp-Petugas-2026!";
    public const string AdministratorEmail = "admin@bpjs.local";
    public const string AdministratorPassword = "Sipp-Admin-2026!";
    public const string BudiNik = "3171011705900001";
    public const string BudiKpj = "90000000001";

    /// <summary>The company user of the seed is an employee of the head office: the worker right after Budi.</summary>
    public const string CompanyUserKpj = "90000000002";
    public const int WorkersPerDivision = 100;

    /// <summary>The Surabaya division's minimum-wage region and its example minimum wage (Development data only).</summary>
    public const string ExampleRegion = "3578";

    public const long ExampleMinimumWage = 4_961_753;

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var maju = await CompanyAsync("10000001", "PT Maju Bersama", 2, CompanySize.Besar, takesPartInJp: true, now, cancellationToken);
        var sinar = await CompanyAsync("10000002", "CV Sinar Abadi", 1, CompanySize.Kecil, takesPartInJp: false, now, cancellationToken);

        var head = await DivisionAsync(maju, "000", "Kantor Pusat", "Kantor Cabang Jakarta Menara Jamsostek", "Jl. Gatot Subroto Kav. 38, Jakarta Selatan", now, cancellationToken);
        var surabaya = await DivisionAsync(maju, "001", "Cabang Surabaya", "Kantor Cabang Surabaya Rungkut", "Jl. Rungkut Industri No. 12, Surabaya", now, cancellationToken);
        var sinarHead = await DivisionAsync(sinar, "000", "Kantor Pusat", "Kantor Cabang Bandung Suci", "Jl. Soekarno-Hatta No. 450, Bandung", now, cancellationToken);
        surabaya.RegionCode ??= ExampleRegion;
        if (!await db.RuleEntries.AnyAsync(r => r.Key == RuleKeys.MinimumWage(ExampleRegion), cancellationToken))
        {
            // Example data so that the minimum-wage warning can be seen; real figures are entered in "Aturan Iuran".
            db.RuleEntries.Add(new RuleEntry
            {
                Key = RuleKeys.MinimumWage(ExampleRegion), EffectiveFrom = new DateOnly(2025, 1, 1), Value = ExampleMinimumWage,
                Note = "Contoh data pengembangan: upah minimum Kota Surabaya", Source = "seed", CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        await WorkersAsync(head, 1, SeedPeople.Regions[0], withBudi: true, now, cancellationToken);
        await WorkersAsync(surabaya, 101, SeedPeople.Regions[2], withBudi: false, now, cancellationToken);
        await WorkersAsync(sinarHead, 201, SeedPeople.Regions[3], withBudi: false, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // The seed builds several companies: it reads across divisions.
        var hrdEmployment = await db.Employments.AcrossDivisions().Include(e => e.Participant).FirstAsync(e => e.Participant.Kpj == CompanyUserKpj, cancellationToken);
        var hrdParticipant = hrdEmployment.Participant;

        await RoleAsync(SystemRoles.Officer);
        await RoleAsync(SystemRoles.Administrator);
        var hrd = await UserAsync(CompanyUserEmail, CompanyUserPassword, hrdParticipant.FullName, hrdEmployment.Phone, hrdParticipant.Id, role: null, now);
        await UserAsync(OfficerEmail, OfficerPassword, "Petugas Verifikasi", null, null, SystemRoles.Officer, now);
        await UserAsync(AdministratorEmail, AdministratorPassword, "Administrator Sipp", null, null, SystemRoles.Administrator, now);

        foreach (var division in new[] { head, surabaya, sinarHead })
        {
            if (!await db.Memberships.AcrossDivisions().AnyAsync(m => m.UserId == hrd.Id && m.DivisionId == division.Id, cancellationToken))
            {
                db.Memberships.Add(new Membership { UserId = hrd.Id, DivisionId = division.Id, Role = MembershipRole.Admin, CreatedAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Company> CompanyAsync(
        string npp, string name, int riskClass, CompanySize size, bool takesPartInJp, DateTime now, CancellationToken cancellationToken)
    {
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Npp == npp, cancellationToken);
        if (company is null)
        {
            company = new Company
            {
                Id = Guid.NewGuid(), Npp = npp, Name = name, JkkRiskClass = riskClass, Size = size,
                TakesPartInJp = takesPartInJp, LabourIntensive = false, CreatedAt = now,
            };
            db.Companies.Add(company);
        }

        return company;
    }

    private async Task<Division> DivisionAsync(
        Company company, string code, string name, string branchOffice, string address, DateTime now, CancellationToken cancellationToken)
    {
        var division = await db.Divisions.FirstOrDefaultAsync(d => d.CompanyId == company.Id && d.Code == code, cancellationToken);
        if (division is null)
        {
            division = new Division
            {
                Id = Guid.NewGuid(), CompanyId = company.Id, Code = code, Name = name, BranchOffice = branchOffice,
                Address = address, CreatedAt = now,
            };
            db.Divisions.Add(division);
        }

        return division;
    }

    /// <summary>Adds the division's 100 active workers unless it has workers already.</summary>
    private async Task WorkersAsync(
        Division division, int firstKpj, (string NikPrefix, string City, string PostalPrefix) region, bool withBudi, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Employments.AcrossDivisions().AnyAsync(e => e.DivisionId == division.Id, cancellationToken))
        {
            return;
        }

        var random = new Random(firstKpj); // the same people on every machine
        for (var i = 0; i < WorkersPerDivision; i++)
        {
            var kpj = (90_000_000_000L + firstKpj + i).ToString(CultureInfo.InvariantCulture);
            var person = withBudi && i == 0
                ? new SeedPerson("Budi Santoso", Sex.Male, new DateOnly(1990, 5, 17), BudiNik, "Jakarta", "Sumiati", "+6281234567890", "Jl. Kemang Raya No. 10, Jakarta Selatan", "12730")
                : SeedPeople.Create(random, firstKpj + i, region);
            var participant = new Participant
            {
                Id = Guid.NewGuid(), Kpj = kpj, Nik = person.Nik, FullName = person.Name, NameNormalized = person.Name.ToUpperInvariant(),
                BirthDate = person.BirthDate, Sex = person.Sex, Citizenship = Citizenship.Wni, CreatedAt = now,
            };
            var marital = random.Next(3) == 0 ? MaritalStatus.BelumKawin : MaritalStatus.Kawin;
            var start = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 10 * 365));
            start = new DateOnly(start.Year, start.Month, 1);
            var employment = new Employment
            {
                Id = Guid.NewGuid(), ParticipantId = participant.Id, DivisionId = division.Id, Status = EmploymentStatus.Aktif,
                EmploymentType = random.Next(4) == 0 ? EmploymentType.Pkwt : EmploymentType.Pkwtt,
                WorkStartDate = start, MembershipStartDate = start, RegisteredOn = start, CreatedAt = now, VerifiedAt = now,
                BirthPlace = person.BirthPlace, MotherMaidenName = person.MotherMaidenName, MaritalStatus = marital,
                Address = person.Address, PostalCode = person.PostalCode, Phone = person.Phone,
            };
            var upah = random.Next(45, 220) * 100_000L;
            employment.WageHistory.Add(new WageChange { EffectiveFrom = Period.Containing(start), Upah = upah, CreatedAt = now });
            if (start.Year < 2026 && random.Next(3) > 0)
            {
                // Most workers had a raise in January 2026.
                employment.WageHistory.Add(new WageChange { EffectiveFrom = Period.Of(2026, 1), Upah = upah + (random.Next(2, 10) * 50_000L), CreatedAt = now });
            }

            db.Participants.Add(participant);
            db.Employments.Add(employment);
        }
    }

    private async Task RoleAsync(string name)
    {
        if (!await roles.RoleExistsAsync(name))
        {
            Check(await roles.CreateAsync(new IdentityRole<Guid>(name)));
        }
    }

    private async Task<AppUser> UserAsync(string email, string password, string fullName, string? phone, Guid? participantId, string? role, DateTime now)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            return user;
        }

        user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, PhoneNumber = phone,
            PhoneNumberConfirmed = phone is not null, ParticipantId = participantId, CreatedAt = now,
        };
        // The demo passwords are fixed by the product spec and would fail the registration policy (they contain the
        // email's name), so the seed stores their hash directly instead of going through the password validators.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        Check(await users.CreateAsync(user));
        if (role is not null)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seed gagal: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
