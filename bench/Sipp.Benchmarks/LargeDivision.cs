using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Payments;
using Sipp.Web.Features.Reports;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>A migrated database with the shipped rules and one division of <c>workers</c> workers (as <c>seed --workers</c>), and the services that work on it.</summary>
public sealed class LargeDivision : IAsyncDisposable
{
    private LargeDivision(TestDatabase database, Guid divisionId)
    {
        Database = database;
        DivisionId = divisionId;
        Services = new ServiceCollection()
            .AddScoped(_ => database.NewContextFor(divisionId))
            .AddSingleton<RuleTableProvider>()
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Options.Create(new PaymentOptions()))
            .AddScoped<AuditLog>()
            .AddScoped<PeriodComputation>()
            .AddScoped<PeriodReports>()
            .BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    public Guid DivisionId { get; }

    public ServiceProvider Services { get; }

    public static async Task<LargeDivision> CreateAsync(string provider, int workers)
    {
        var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        await using var db = database.NewContext();
        await RuleDataLoader.LoadShippedRulesAsync(db, TimeProvider.System, CancellationToken.None);
        var divisionId = (await LargeCompanySeed.CreateAsync(db, workers, DateTime.UtcNow, CancellationToken.None))!.Value;
        return new LargeDivision(database, divisionId);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
