using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>A host in Development with the demo data of product.md §12 and its outbox, on its own SQLite database.</summary>
public class SeededWebFixture : IAsyncLifetime
{
    public SippWebFactory Factory { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Seed"] = "true",
            ["Database:SeedPaidMonth"] = "false", // the tests compute and pay the seed's months themselves
            ["RateLimits:Calculator:PermitLimit"] = "100000",
            ["RateLimits:Login:PermitLimit"] = "100000",
            ["RateLimits:Otp:PermitLimit"] = "100000",
            ["RateLimits:Registration:PermitLimit"] = "100000",
            ["RateLimits:LoginPerAccount:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Factory = await SippWebFactory.CreateAsync(GetType().Name, environment: "Development", settings: settings);
        _ = Factory.Server;
    }

    /// <summary>A browser of the seed's HR user, signed in and in the given division.</summary>
    public async Task<HttpClient> HrAsync(string npp, string division)
    {
        var browser = Factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), npp, division);
        return browser;
    }

    /// <summary>Signs in a user who holds only the given role in one division.</summary>
    public async Task SignInWithRoleAsync(HttpClient browser, string npp, string division, MembershipRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}.{npp}.{division}@contoh.co.id";
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) is null)
            {
                await Factory.MemberAsync(email, "Uji " + role, npp, division, role);
            }
        }

        await browser.SignInAsync(email, AccessSteps.Password, phone: null);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
