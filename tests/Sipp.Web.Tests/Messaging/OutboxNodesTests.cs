using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Messaging;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Messaging;

/// <summary>Two nodes sending from one outbox at once: each takes rows the other has not (SKIP LOCKED), none is sent twice.</summary>
public class OutboxNodesTests
{
    [Theory]
    [DatabaseData]
    public async Task TwoNodesDispatchingAtOnce_SendEveryMessageExactlyOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = new FakeSmtpServer();
        await using var database = await TestDatabase.CreateEmptyAsync(provider, nameof(TwoNodesDispatchingAtOnce_SendEveryMessageExactlyOnce));
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Email:Enabled"] = "true", ["Notifications:Email:Host"] = "127.0.0.1",
            ["Notifications:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Notifications:Email:Security"] = "None",
            ["Notifications:DispatchInBackground"] = "false", ["Notifications:BatchSize"] = "50",
        };
        await using var a = new SippWebFactory(database, settings: settings, ownsDatabase: false);
        await using var b = new SippWebFactory(database, settings: settings, ownsDatabase: false);
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < 600; i++)
            {
                outbox.Email($"admin{i}@contoh.co.id", "Pengingat", "Uji " + i, MessagePriority.Bulk);
            }

            await scope.ServiceProvider.GetRequiredService<SippDbContext>().SaveChangesAsync(ct);
        }

        using var start = new ManualResetEventSlim();
        var draining = new[] { a, b }.Select(node => Task.Run(() =>
        {
            start.Wait(ct);
            return DrainAsync(node);
        })).ToList();
        start.Set();
        var rounds = await Task.WhenAll(draining);

        // How the two share the work depends on timing (one may take all of it); that nothing is sent twice may not.
        Assert.Equal(600, rounds.Sum());
        Assert.Equal(600, smtp.Received.Count);
        Assert.Equal(600, smtp.Received.Select(m => m.To[0]).Distinct().Count());
        await using var db = database.NewContext();
        Assert.Equal(600, await db.OutboxMessages.CountAsync(m => m.SentAt != null && m.Attempts == 1, ct));
    }

    private static async Task<int> DrainAsync(SippWebFactory node)
    {
        var dispatcher = node.Services.GetRequiredService<OutboxDispatcher>();
        var total = 0;
        while (await dispatcher.DispatchDueAsync(TestContext.Current.CancellationToken) is var sent and > 0)
        {
            total += sent;
        }

        return total;
    }
}
