using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sipp.Data;
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
        _settings["Database:SeedDemoApiClient"] = "false"; // on only where a test runs the payroll sample
        _settings["Database:SeedDemoBureau"] = "false"; // on only where a test walks the demo
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Environment { get; }

    /// <summary>The clock of the host: tests move it to expire OTPs, links and sessions.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Keep the real clock (for a real browser, whose timers run in real time).</summary>
    public bool UseSystemClock { get; init; }

    /// <summary>Every log line of this host, checked for personal data (a NIK, a phone number, an OTP).</summary>
    public PersonalDataLogGuard LogGuard { get; } = new();

    /// <summary>Requests carry this header to choose their client IP (default 127.0.0.1).</summary>
    public const string ClientIpHeader = "X-Test-Client-Ip";

    public static async Task<SippWebFactory> CreateAsync(
        string name, DatabaseProvider provider = DatabaseProvider.Sqlite, string environment = "Testing", IDictionary<string, string?>? settings = null) =>
        new(await TestDatabase.CreateEmptyAsync(provider, name), environment, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // Host settings, unlike the app configuration below, are already there while Program registers its services (the
        // scheduler's store is chosen then).
        builder.UseSetting("Database:Provider", _settings["Database:Provider"]);
        builder.UseSetting("ConnectionStrings:Sipp", _settings["ConnectionStrings:Sipp"]);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        // At the levels the product's configuration writes (appsettings.json), as a production log would hold them.
        builder.ConfigureLogging(logging => logging.AddProvider(LogGuard));
        builder.ConfigureServices(services =>
        {
            if (!UseSystemClock)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }

            services.AddSingleton<IStartupFilter, ClientIpStartupFilter>();
            services.AddScoped(provider => new ObserverDbContext(provider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<SippDbContext>>()));

            // The Simulator Bank calls Sipp's own endpoint over HTTP; in memory there is no port, so it goes through the test server.
            services.AddHttpClient(Sipp.Web.Features.Payments.BankSimulator.IndexModel.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>() is Microsoft.AspNetCore.TestHost.TestServer test
                    ? test.CreateHandler()
                    : new SocketsHttpHandler());
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
        if (!LogGuard.Violations.IsEmpty)
        {
            throw new InvalidOperationException("Personal data in the log of this test host:\n" + string.Join("\n", LogGuard.Violations.Distinct().Take(20)));
        }
    }

    /// <summary>Gives each test request a client address, as Kestrel would (the test server has none).</summary>
    private sealed class ClientIpStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var header = context.Request.Headers[ClientIpHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.TryParse(header, out var ip) ? ip : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
