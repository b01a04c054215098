using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Jobs;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>
/// Two nodes on one PostgreSQL database, both past 07:00 WIB on the 5th: Quartz's clustered store gives the daily job's
/// firing to one of them, and the reminder goes out once.
/// </summary>
public class DailyBillsClusterTests
{
    [Fact]
    public async Task TwoNodes_RunTheDailyJobOnce()
    {
        Assert.SkipWhen(PostgresCluster.SkipReason() is { } reason, PostgresCluster.SkipReason() ?? string.Empty);
        var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres, "jobs-cluster");
        var runs = new ConcurrentQueue<string>();
        await using var first = new SippWebFactory(database, "Development", new Dictionary<string, string?> { ["Database:Seed"] = "true" });
        await using var second = new SippWebFactory(database, "Development", new Dictionary<string, string?> { ["Database:Seed"] = "false" }, ownsDatabase: false);
        var nodes = new[] { Node(first, "node-1", runs), Node(second, "node-2", runs) };
        _ = nodes[0].Server; // migrates and seeds before the second node starts
        _ = nodes[1].Server;
        var kode = (await nodes[0].BillAsync("10000001", "001", Period.Of(2026, 2), "BCA_VA")).KodeIuran;

        var sevenOhOneOnTheFifth = new DateTimeOffset(2026, 3, 5, 0, 1, 0, TimeSpan.Zero);
        first.Clock.SetUtcNow(sevenOhOneOnTheFifth);
        second.Clock.SetUtcNow(sevenOhOneOnTheFifth);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (runs.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken); // time for a second node to run it too, if it could
        Assert.Single(runs);
        await using var scope = nodes[0].Services.CreateAsyncScope();
        var reminders = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OutboxMessages
            .CountAsync(m => m.To == DevelopmentSeed.CompanyUserEmail && m.Subject!.StartsWith("Pengingat pembayaran") && m.Body.Contains(kode), TestContext.Current.CancellationToken);
        Assert.Equal(1, reminders);
    }

    /// <summary>The node with a log sink that records which node ran the daily job.</summary>
    private static WebApplicationFactory<Program> Node(SippWebFactory factory, string name, ConcurrentQueue<string> runs) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new JobRunLog(name, runs))));

    private sealed class JobRunLog(string node, ConcurrentQueue<string> runs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(DailyBillsJob).FullName ? new Sink(node, runs) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Sink(string node, ConcurrentQueue<string> runs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    runs.Enqueue($"{node}: {formatter(state, exception)}");
                }
            }
        }
    }
}
