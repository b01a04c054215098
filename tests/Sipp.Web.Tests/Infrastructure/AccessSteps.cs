using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;
using Sipp.Data.Companies;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>People, their memberships and bureaus made directly in the database, for tests whose subject is what they may then do.</summary>
public static class AccessSteps
{
    public const string Password = "Nasi-Uduk-Betawi-31";

    /// <summary>
    /// A person with their own password (<see cref="Password"/>) and an active <paramref name="role"/> in
    /// <paramref name="npp"/>-<paramref name="division"/>; the company and that division are made when absent.
    /// </summary>
    public static async Task<Guid> MemberAsync(
        this SippWebFactory factory, string email, string fullName, string npp, string division, MembershipRole role, string? companyName = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = DateTime.UtcNow;
        var divisionId = await db.Divisions.Where(d => d.Company.Npp == npp && d.Code == division).Select(d => (Guid?)d.Id).SingleOrDefaultAsync();
        if (divisionId is null)
        {
            var company = await db.Companies.SingleOrDefaultAsync(c => c.Npp == npp)
                ?? db.Companies.Add(new Company { Id = Guid.NewGuid(), Npp = npp, Name = companyName ?? "PT " + npp, JkkRiskClass = 1, CreatedAt = now }).Entity;
            divisionId = db.Divisions.Add(new Division { Id = Guid.NewGuid(), CompanyId = company.Id, Code = division, Name = "Kantor Pusat", BranchOffice = "Jakarta", CreatedAt = now }).Entity.Id;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, CreatedAt = now };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        db.Memberships.Add(new Membership { UserId = user.Id, DivisionId = divisionId.Value, Role = role, CreatedAt = now });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>
    /// A bureau named <paramref name="bureau"/> (with its own company), a staff member <paramref name="staff"/> (a member
    /// of that company, with their own password), and an accepted grant of <paramref name="npp"/>-<paramref name="division"/>
    /// with <paramref name="role"/> until <paramref name="endsOn"/> (a year from now by default). Returns the staff's email.
    /// </summary>
    public static async Task<string> BureauWithGrantAsync(
        this SippWebFactory factory, string bureau, string staff, string npp, string division, MembershipRole role, DateOnly? endsOn = null)
    {
        var email = $"{staff.ToLowerInvariant().Replace(' ', '.')}@{bureau.ToLowerInvariant().Replace(' ', '-')}.co.id";
        Guid bureauId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var place = await db.Bureaus.SingleOrDefaultAsync(b => b.Name == bureau);
            if (place is null)
            {
                var npps = await db.Companies.CountAsync();
                var company = new Company { Id = Guid.NewGuid(), Npp = (19000000 + npps).ToString(System.Globalization.CultureInfo.InvariantCulture), Name = "PT " + bureau, JkkRiskClass = 1, CreatedAt = DateTime.UtcNow };
                place = new Bureau { Id = Guid.NewGuid(), Name = bureau, Code = "BIRO-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), CompanyId = company.Id, CreatedAt = DateTime.UtcNow };
                db.AddRange(company, place);
                await db.SaveChangesAsync();
            }

            bureauId = place.Id;
            if (!await db.Users.AnyAsync(u => u.Email == email))
            {
                var own = await db.Companies.Where(c => c.Id == place.CompanyId).Select(c => c.Npp).SingleAsync();
                var userId = await factory.MemberAsync(email, staff, own, "000", MembershipRole.Operator);
                db.BureauStaff.Add(new BureauStaff { Id = Guid.NewGuid(), BureauId = place.Id, UserId = userId, IsBureauAdmin = true, CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var divisionId = await db.Divisions.Where(d => d.Company.Npp == npp && d.Code == division).Select(d => d.Id).SingleAsync();
            if (!await db.BureauGrants.AnyAsync(g => g.BureauId == bureauId && g.DivisionId == divisionId && g.Status == BureauGrantStatus.Aktif))
            {
                db.BureauGrants.Add(new BureauGrant
                {
                    Id = Guid.NewGuid(), BureauId = bureauId, DivisionId = divisionId, Role = role, Status = BureauGrantStatus.Aktif,
                    EndsOn = endsOn ?? DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddYears(1),
                    GrantedByName = "Admin Klien", GrantedAt = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
            }
        }

        return email;
    }
}
