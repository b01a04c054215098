using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>At start-up: migrate, load the shipped rules, and create the development seed when configured.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = services.GetRequiredService<SippDbContext>();
        var logger = services.GetRequiredService<ILogger<SippDbContext>>();

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
        }
    }
}
