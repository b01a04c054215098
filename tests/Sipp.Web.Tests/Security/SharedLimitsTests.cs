using System.Net;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Security;

/// <summary>
/// Limits that hold for the whole deployment, not per node (issue 15: 90 of 150 login-page requests passed a limit of
/// 30 on three nodes; an unknown email locked at the 13th try instead of the 5th).
/// </summary>
public class SharedLimitsTests
{
    [Fact]
    public async Task TheLoginPagesLimitPerAddress_IsCountedOnceAcrossTwoNodes_ThroughRedis()
    {
        if (RedisServer.SkipReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartAsync();
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, nameof(TheLoginPagesLimitPerAddress_IsCountedOnceAcrossTwoNodes_ThroughRedis));
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration, ["RateLimits:Login:PermitLimit"] = "10" };
        await using var a = new SippWebFactory(database, settings: settings, ownsDatabase: false);
        await using var b = new SippWebFactory(database, settings: settings, ownsDatabase: false);
        var (onA, onB) = (a.CreateClient(), b.CreateClient());

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await onA.GetAsync("/masuk", ct)).StatusCode);
            answers.Add((await onB.GetAsync("/masuk", ct)).StatusCode);
        }

        Assert.Equal(10, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(6, answers.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task AnUnknownEmail_IsLockedAtTheFifthFailure_WhicheverNodesCountedThem()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, nameof(AnUnknownEmail_IsLockedAtTheFifthFailure_WhicheverNodesCountedThem));
        await using var a = new SippWebFactory(database, ownsDatabase: false);
        await using var b = new SippWebFactory(database, ownsDatabase: false);
        var nodes = new[] { a.NewBrowser(), b.NewBrowser() };

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var page = await nodes[i % 2].SubmitPasswordAsync("siapa.saja@contoh.co.id", "bukan-password-" + i);
            answers.Add(page.QuerySelector(".alert-danger")!.TextContent.Trim());
        }

        Assert.All(answers[..4], answer => Assert.Equal("Email atau password salah.", answer));
        Assert.All(answers[4..], answer => Assert.Equal("Terlalu banyak percobaan masuk yang gagal. Akun dikunci sementara selama 15 menit.", answer));
    }
}
