using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Data;

/// <summary>
/// Nodes started together on one empty PostgreSQL database (a deploy of several machines at once): one migrates and
/// seeds, the others wait for it, and all come up (issue 15: 3 nodes, 4 tries, one survived each time).
/// </summary>
public class ManyNodesStartTests
{
    [Fact(Timeout = 180_000)]
    public async Task ThreeNodesStartedTogether_OnAnEmptyDatabase_AllComeUp_WithOneSeed()
    {
        if (PostgresCluster.SkipReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres, nameof(ThreeNodesStartedTogether_OnAnEmptyDatabase_AllComeUp_WithOneSeed));
        var settings = new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" };
        var nodes = Enumerable.Range(0, 3).Select(_ => new SippWebFactory(database, "Development", settings, ownsDatabase: false)).ToList();
        try
        {
            using var start = new ManualResetEventSlim();
            var starts = nodes.Select(node => Task.Run(() =>
            {
                start.Wait(ct);
                _ = node.Server;
            })).ToList();
            start.Set();
            await Task.WhenAll(starts);

            foreach (var node in nodes)
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, (await node.CreateClient().GetAsync("/health/ready", ct)).StatusCode);
            }

            await using var db = database.NewContext();
            Assert.Equal(1, await db.Users.CountAsync(u => u.Email == DevelopmentSeed.CompanyUserEmail, ct));
            Assert.Equal(1, await db.Companies.CountAsync(c => c.Npp == "10000001", ct));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task SippsConnections_EndAnIdleTransaction_AndALongStatement_AndKeepAlive()
    {
        if (PostgresCluster.SkipReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, nameof(SippsConnections_EndAnIdleTransaction_AndALongStatement_AndKeepAlive));
        await using var factory = new SippWebFactory(database, ownsDatabase: false);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();

        Assert.Equal("15s", await ShowAsync(db, "idle_in_transaction_session_timeout"));
        Assert.Equal("2min", await ShowAsync(db, "statement_timeout"));
        Assert.Equal("10", await ShowAsync(db, "tcp_keepalives_idle"));
        Assert.Equal("off", await ShowAsync(db, "jit"));
        Assert.Equal("0", await ShowAsync(db, "max_parallel_workers_per_gather"));
    }

    private static async Task<string> ShowAsync(SippDbContext db, string setting) =>
        await db.Database.SqlQuery<string>($"SELECT current_setting({setting}) AS \"Value\"").SingleAsync(TestContext.Current.CancellationToken);
}
