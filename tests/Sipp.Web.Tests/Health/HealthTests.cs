using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Health;

public class HealthTests(HealthTests.Fixture fixture) : IClassFixture<HealthTests.Fixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probes_AnswerHealthy(string url)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [DatabaseData]
    public async Task ANewNode_AnswersReady_ToChecksArrivingTogether(DatabaseProvider provider)
    {
        // The balancer's check and a deploy script's arrive at once on a node that has never written its probe row.
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await SippWebFactory.CreateAsync(nameof(ANewNode_AnswersReady_ToChecksArrivingTogether), provider);
        var client = factory.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/health/ready", ct)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task Ready_Fails_WhenTheDatabaseIsGone_WhileLiveStaysUp()
    {
        Assert.SkipWhen(PostgresCluster.SkipReason() is { } reason, PostgresCluster.SkipReason() ?? string.Empty);
        var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres, "health");
        await using var factory = new SippWebFactory(database);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);

        // The scheduler keeps its schedule in this database and would connect again while it is being dropped.
        await StopSchedulerAsync(factory);
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        var cluster = await PostgresCluster.SharedAsync();
        await using (var connection = new NpgsqlConnection(cluster.AdminConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        NpgsqlConnection.ClearAllPools();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [DatabaseData]
    public async Task Ready_Fails_WhenTheDatabaseAnswersButRefusesWrites_WhileLiveStaysUp(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, "readonly");
        await using (var db = database.NewContext())
        {
            await RuleDataLoader.LoadShippedRulesAsync(db, TimeProvider.System, ct); // what a first start writes
        }

        // SQLite: the node opens its file read-only. PostgreSQL: a running node's database is set read-only by its
        // administrator (as on a standby, or when the disk is full): connections still answer, writes fail.
        var settings = new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" };
        if (provider == DatabaseProvider.Sqlite)
        {
            settings["ConnectionStrings:Sipp"] = database.ConnectionString + ";Mode=ReadOnly";
        }

        await using var factory = new SippWebFactory(database, settings: settings, ownsDatabase: false);
        var client = factory.CreateClient();
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
            await StopSchedulerAsync(factory); // it keeps its schedule in this database
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
            await using var connection = new NpgsqlConnection((await PostgresCluster.SharedAsync()).AdminConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"ALTER DATABASE \"{name}\" SET default_transaction_read_only = on", connection);
            await command.ExecuteNonQueryAsync(ct);
            NpgsqlConnection.ClearAllPools();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
    }

    /// <summary>Stops the node's scheduler once it runs (stopping it while it starts fails inside Quartz's cluster manager).</summary>
    private static async Task StopSchedulerAsync(SippWebFactory factory)
    {
        var scheduler = await factory.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        for (var waited = 0; scheduler.Status != Quartz.SchedulerStatus.Running && waited < 200; waited++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await scheduler.Shutdown(waitForJobsToComplete: false, TestContext.Current.CancellationToken);
    }

    public sealed class Fixture : WebFixture;
}
