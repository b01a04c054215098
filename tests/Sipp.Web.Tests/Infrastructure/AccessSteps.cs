using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;
using Sipp.Data.Companies;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>Bureaus made directly in the database, for tests whose subject is what a bureau's staff may then do.</summary>
public static class BureauSteps
{
    public const string Password = "Nasi-Uduk-Betawi-31";

    /// <summary>
    /// A bureau named <paramref name="bureau"/> (with its own company), a staff member <paramref name="staff"/> (a member
    /// of that company, with their own password), and an accepted grant of <paramref name="npp"/>-<paramref name="division"/>
    /// with <paramref name="role"/> until <paramref name="endsOn"/> (a year from now by default). Returns the staff's email.
    /// </summary>
    public static async Task<string> BureauWithGrantAsync(
        this SippWebFactory factory, string bureau, string staff, string npp, string division, MembershipRole role, DateOnly? endsOn = null)
    {
        var email = $"{staff.ToLowerInvariant().Replace(' ', '.')}@{bureau.ToLowerInvariant().Replace(' ', '-')}.co.id";
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = DateTime.UtcNow;
        var place = await db.Bureaus.SingleOrDefaultAsync(b => b.Name == bureau);
        if (place is null)
        {
            var npps = await db.Companies.CountAsync();
            var company = new Company { Id = Guid.NewGuid(), Npp = (19000000 + npps).ToString(System.Globalization.CultureInfo.InvariantCulture), Name = "PT " + bureau, JkkRiskClass = 1, CreatedAt = now };
            db.Companies.Add(company);
            db.Divisions.Add(new Division { Id = Guid.NewGuid(), CompanyId = company.Id, Code = "000", Name = "Kantor Pusat", BranchOffice = "Jakarta", CreatedAt = now });
            place = new Bureau { Id = Guid.NewGuid(), Name = bureau, Code = "BIRO-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), CompanyId = company.Id, CreatedAt = now };
            db.Bureaus.Add(place);
            await db.SaveChangesAsync();
        }

        if (await users.FindByEmailAsync(email) is not { } user)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = staff, CreatedAt = now };
            await users.CreateAsync(user, Password);
            var own = await db.Divisions.Where(d => d.CompanyId == place.CompanyId && d.Code == "000").Select(d => d.Id).SingleAsync();
            db.Memberships.Add(new Membership { UserId = user.Id, DivisionId = own, Role = MembershipRole.Operator, CreatedAt = now });
            db.BureauStaff.Add(new BureauStaff { Id = Guid.NewGuid(), BureauId = place.Id, UserId = user.Id, IsBureauAdmin = true, CreatedAt = now });
        }

        var divisionId = await db.Divisions.Where(d => d.Company.Npp == npp && d.Code == division).Select(d => d.Id).SingleAsync();
        if (!await db.BureauGrants.AnyAsync(g => g.BureauId == place.Id && g.DivisionId == divisionId && g.Status == BureauGrantStatus.Aktif))
        {
            db.BureauGrants.Add(new BureauGrant
            {
                Id = Guid.NewGuid(), BureauId = place.Id, DivisionId = divisionId, Role = role, Status = BureauGrantStatus.Aktif,
                EndsOn = endsOn ?? DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddYears(1), GrantedByName = "Admin Klien", GrantedAt = now,
            });
        }

        await db.SaveChangesAsync();
        return email;
    }
}
