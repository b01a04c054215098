namespace Sipp.Web.Tests.Infrastructure;

/// <summary>One web host on its own SQLite database for a test class, with generous rate limits.</summary>
public class WebFixture : IAsyncLifetime
{
    public SippWebFactory Factory { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Calculator:PermitLimit"] = "100000",
    };

    public async ValueTask InitializeAsync()
    {
        Factory = await SippWebFactory.CreateAsync(GetType().Name, settings: Settings);
        _ = Factory.Server; // start the host (migrations, rules) before the first test
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
