using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// At start-up: migrate, load the shipped rules, and create the development seed when configured — on PostgreSQL under
/// a session-level advisory lock, so that nodes started together take turns: the first does the work, the others find
/// it done (issue 15). SQLite is the one-node embedded default.
/// </summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool joinsScheduler = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = services.GetRequiredService<SippDbContext>();
        var logger = services.GetRequiredService<ILogger<SippDbContext>>();
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLockKey})");
        }

        try
        {
            await PrepareAsync(app, services, options, db, logger);
            if (postgres && joinsScheduler)
            {
                // Quartz's clustered store creates its own tables and checks in to the cluster when its scheduler is made and
                // started: done here, under the same lock, so that nodes started together take turns (they deadlocked on
                // QRTZ_LOCKS, idle in transaction). The hosted service's own start later finds it running.
                await (await services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler()).Start();
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLockKey})");
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The advisory lock of start-up (any number unique to Sipp in this database).</summary>
    private const long StartupLockKey = 7_250_615_001;

    private static async Task PrepareAsync(WebApplication app, IServiceProvider services, DatabaseOptions options, SippDbContext db, ILogger logger)
    {
        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync();
        }

        var added = await RuleDataLoader.LoadShippedRulesAsync(db, services.GetRequiredService<TimeProvider>());
        if (added > 0)
        {
            logger.LogInformation("Loaded {Count} rule rows from the shipped data file", added);
        }

        if (options.Seed ?? app.Environment.IsDevelopment())
        {
            await services.GetRequiredService<DevelopmentSeed>().RunAsync();
            if (options.SeedPaidMonth)
            {
                await services.GetRequiredService<PaidMonthSeed>().RunAsync();
            }

            if (options.SeedDemoApiClient && app.Environment.IsDevelopment())
            {
                await using var demo = app.Services.CreateAsyncScope(); // its own context, scoped to the head office
                await demo.ServiceProvider.GetRequiredService<DemoApiClientSeed>().RunAsync();
            }

            if (options.SeedDemoBureau && app.Environment.IsDevelopment())
            {
                await services.GetRequiredService<DemoBureauSeed>().RunAsync();
            }
        }
    }
}
