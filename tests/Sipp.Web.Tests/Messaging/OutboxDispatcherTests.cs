using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Messaging;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Messaging;

/// <summary>Emails go out over SMTP with MailKit and SMS through the HTTP gateway, in the background, with retries.</summary>
public class OutboxDispatcherTests : IAsyncLifetime
{
    private FakeSmtpServer _smtp = null!;
    private FakeSmsGateway _sms = null!;
    private SippWebFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = new FakeSmtpServer();
        _sms = await FakeSmsGateway.StartAsync();
        _factory = await SippWebFactory.CreateAsync(nameof(OutboxDispatcherTests), environment: "Development", settings: new Dictionary<string, string?>
        {
            ["Database:Seed"] = "true",
            ["Notifications:Email:Enabled"] = "true",
            ["Notifications:Email:Host"] = "127.0.0.1",
            ["Notifications:Email:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Email:Security"] = "None",
            ["Notifications:Email:FromAddress"] = "no-reply@sipp.test",
            ["Notifications:Sms:Enabled"] = "true",
            ["Notifications:Sms:GatewayUrl"] = _sms.SendUrl.ToString(),
            ["Notifications:Sms:ApiKey"] = "kunci-rahasia",
            ["Notifications:DispatchInBackground"] = "false", // the test runs each round itself
        });
        _ = _factory.Server;
    }

    [Fact]
    public async Task TheLoginOtp_IsDeliveredByEmailOverSmtp_AndBySmsThroughTheGateway()
    {
        var browser = _factory.NewBrowser();
        await browser.SubmitPasswordAsync(DevelopmentSeed.CompanyUserEmail, DevelopmentSeed.CompanyUserPassword);

        var sent = await DispatchAsync();

        Assert.Equal(2, sent);
        var mail = Assert.Single(_smtp.Received);
        Assert.Equal([DevelopmentSeed.CompanyUserEmail], mail.To);
        Assert.Equal("no-reply@sipp.test", mail.From);
        var code = await browser.LatestCodeAsync(DevelopmentSeed.CompanyUserEmail, "email");
        Assert.Contains(code, mail.Data, StringComparison.Ordinal);
        var (authorization, body) = Assert.Single(_sms.Received);
        Assert.Equal("Bearer kunci-rahasia", authorization);
        Assert.StartsWith("+628", body.GetProperty("to").GetString(), StringComparison.Ordinal);
        Assert.Contains(code, body.GetProperty("message").GetString(), StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OutboxMessages.AllAsync(m => m.SentAt != null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AFailedSend_StaysQueuedWithItsError_AndIsRetriedLater()
    {
        _sms.Answer = HttpStatusCode.BadRequest;
        await QueueAsync(MessageChannel.Sms, "+6281200000001", "uji");

        Assert.Equal(0, await DispatchAsync());
        var failed = await MessageToAsync("+6281200000001");
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("400", failed.LastError, StringComparison.Ordinal);
        Assert.True(failed.NextAttemptAt > _factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(0, await DispatchAsync()); // not due yet

        _sms.Answer = HttpStatusCode.OK;
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await DispatchAsync());
        Assert.NotNull((await MessageToAsync("+6281200000001")).SentAt);
    }

    [Fact]
    public async Task AnUnreachableMailServer_NeverBlocksTheUser_TheMessageWaitsForTheNextRound()
    {
        await _smtp.DisposeAsync(); // the SMTP server goes away
        var browser = _factory.NewBrowser();

        var otpPage = await browser.SubmitPasswordAsync(DevelopmentSeed.CompanyUserEmail, DevelopmentSeed.CompanyUserPassword);
        await DispatchAsync();

        Assert.Equal("Verifikasi Masuk", otpPage.QuerySelector("h1")!.TextContent.Trim());
        var email = await MessageToAsync(DevelopmentSeed.CompanyUserEmail);
        Assert.Null(email.SentAt);
        Assert.NotNull(email.LastError);
        Assert.NotNull(email.NextAttemptAt);
    }

    [Fact]
    public async Task AnOtpQueuedBehindAThousandReminders_GoesOutInTheFirstRound_OverAFewKeptConnections()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < 1_000; i++)
            {
                outbox.Email($"admin{i}@contoh.co.id", "Pengingat pembayaran iuran", "Tagihan uji " + i, MessagePriority.Bulk);
            }

            await scope.ServiceProvider.GetRequiredService<SippDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var browser = _factory.NewBrowser();
        await browser.SubmitPasswordAsync(DevelopmentSeed.CompanyUserEmail, DevelopmentSeed.CompanyUserPassword); // its OTP by email and SMS, queued last

        var sent = await DispatchAsync();

        Assert.Equal(200, sent); // one batch
        Assert.Contains(_smtp.Received, m => m.To.Contains(DevelopmentSeed.CompanyUserEmail));
        Assert.Single(_sms.Received);
        Assert.InRange(_smtp.Connections, 1, 8); // the senders' kept connections, not one per email
        while (await DispatchAsync() > 0)
        {
        }

        Assert.Equal(1_001, _smtp.Received.Count);
        Assert.Equal(1_001, _smtp.Received.Select(m => m.To[0]).Distinct().Count()); // none twice
    }

    private async Task<int> DispatchAsync() =>
        await _factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);

    private async Task QueueAsync(MessageChannel channel, string to, string body)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        if (channel == MessageChannel.Sms)
        {
            outbox.Sms(to, body);
        }
        else
        {
            outbox.Email(to, "Uji", body);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<OutboxMessage> MessageToAsync(string to)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OutboxMessages.AsNoTracking()
            .OrderByDescending(m => m.Id).FirstAsync(m => m.To == to, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _sms.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
