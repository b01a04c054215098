using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Sipp.Web.Infrastructure.Data;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>
/// The real web host on its own database (a temp SQLite file by default, or a PostgreSQL database), with settings
/// a test may override.
/// </summary>
public class SippWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    public SippWebFactory(TestDatabase database, string environment = "Testing", IDictionary<string, string?>? settings = null, bool ownsDatabase = true)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        Environment = environment;
        _settings["Database:Provider"] = database.Provider.ToString();
        _settings["ConnectionStrings:Sipp"] = database.ConnectionString;
        _settings["Database:Seed"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Environment { get; }

    public static async Task<SippWebFactory> CreateAsync(
        string name, DatabaseProvider provider = DatabaseProvider.Sqlite, string environment = "Testing", IDictionary<string, string?>? settings = null) =>
        new(await TestDatabase.CreateEmptyAsync(provider, name), environment, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
