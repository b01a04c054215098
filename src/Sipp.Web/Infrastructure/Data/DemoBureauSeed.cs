using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;
using Sipp.Data.Companies;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// Part of the development seed (Development only, <c>Database:SeedDemoBureau</c>): a payroll bureau, its own company,
/// and one staff member with published credentials, to whom PT Maju Bersama's head office and CV Sinar Abadi have
/// granted Operator access (accepted) — so that <c>dotnet run</c> shows Akses Biro, Biro and Portofolio Klien at once.
/// </summary>
public sealed class DemoBureauSeed(SippDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string StaffEmail = "biro@contoh.co.id";
    public const string StaffPassword = "Sipp-Biro-2026!";
    public const string Name = "Mitra Payroll Nusantara";
    public const string Code = "BIRO-MPN2026A";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Bureaus.AnyAsync(b => b.Code == Code, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var company = new Company { Id = Guid.NewGuid(), Npp = "10000003", Name = "PT Mitra Payroll Nusantara", JkkRiskClass = 1, CreatedAt = now };
        var own = new Division { Id = Guid.NewGuid(), CompanyId = company.Id, Code = "000", Name = "Kantor Pusat", BranchOffice = "Kantor Cabang Jakarta Menara Jamsostek", CreatedAt = now };
        var staff = new AppUser { UserName = StaffEmail, Email = StaffEmail, EmailConfirmed = true, FullName = "Dewi Lestari", CreatedAt = now };
        // A published demo password, stored as its hash like the seed's other demo accounts (it would fail the policy).
        staff.PasswordHash = users.PasswordHasher.HashPassword(staff, StaffPassword);
        if (!(await users.CreateAsync(staff)).Succeeded)
        {
            throw new InvalidOperationException("The demo bureau's staff account could not be created.");
        }

        var bureau = new Bureau { Id = Guid.NewGuid(), Name = Name, Code = Code, CompanyId = company.Id, CreatedAt = now };
        db.AddRange(company, own, bureau);
        db.Memberships.Add(new Membership { UserId = staff.Id, DivisionId = own.Id, Role = MembershipRole.Admin, CreatedAt = now });
        db.BureauStaff.Add(new BureauStaff { Id = Guid.NewGuid(), BureauId = bureau.Id, UserId = staff.Id, IsBureauAdmin = true, CreatedAt = now });
        var hrd = await db.Users.Where(u => u.Email == DevelopmentSeed.CompanyUserEmail).Select(u => new { u.Id, u.FullName }).SingleAsync(cancellationToken);
        var clients = await db.Divisions.Where(d => (d.Company.Npp == "10000001" || d.Company.Npp == "10000002") && d.Code == "000").Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var division in clients)
        {
            db.BureauGrants.Add(new BureauGrant
            {
                Id = Guid.NewGuid(), BureauId = bureau.Id, DivisionId = division, Role = MembershipRole.Operator, EndsOn = clock.JakartaToday().AddYears(1),
                Status = BureauGrantStatus.Aktif, GrantedByUserId = hrd.Id, GrantedByName = hrd.FullName, GrantedAt = now, DecidedByUserId = staff.Id, DecidedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
