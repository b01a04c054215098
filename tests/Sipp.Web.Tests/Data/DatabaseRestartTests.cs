using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Data;

/// <summary>
/// PostgreSQL restarted or failed over under a node (issue 15: 55 requests answered HTTP 500 during a restart): every
/// connection the node pools is dead at once. A page that only reads, and the calculator, are answered on a new
/// connection.
/// </summary>
public class DatabaseRestartTests
{
    [Fact(Timeout = 180_000)]
    public async Task APageThatOnlyReads_IsAnswered_AfterTheDatabaseDroppedEveryConnection()
    {
        if (PostgresCluster.SkipReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres, nameof(APageThatOnlyReads_IsAnswered_AfterTheDatabaseDroppedEveryConnection));
        await using var node = new SippWebFactory(database, "Development", new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" }, ownsDatabase: false);
        var browser = node.CreateClient();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "000");
        var before = await HtmlPage.GetAsync(browser, "/tenaga-kerja");
        var firstRow = before.QuerySelector("table tbody tr")!.TextContent;

        Assert.True(await DropEveryConnectionAsync(database.ConnectionString, ct) > 0);

        using var response = await browser.GetAsync("/tenaga-kerja", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await HtmlPage.ParseAsync(response);
        Assert.Equal(firstRow, after.QuerySelector("table tbody tr")!.TextContent);

        // The calculator is a POST that only reads the rules: it is answered too.
        Assert.True(await DropEveryConnectionAsync(database.ConnectionString, ct) > 0);
        using var calculated = await node.CreateClient().PostAsJsonAsync("/api/v1/iuran/simulasi", new { periode = "2026-02", upah = 5_500_000, tanggalLahir = "1990-05-17", kelasRisiko = 1 }, ct);
        Assert.Equal(HttpStatusCode.OK, calculated.StatusCode);
    }

    /// <summary>What a restart does to a node's pool: the server ends every other session of the database.</summary>
    private static async Task<int> DropEveryConnectionAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(DatabaseSetup.WithSessionDefaults(connectionString)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS ended", connection);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }
}
