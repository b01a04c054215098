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

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
