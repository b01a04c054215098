using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Messaging;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// A month-end morning on one node: <c>messages</c> reminders queued at once, sent by the real dispatcher (both lanes,
/// as in production) to an SMTP server on loopback; three seconds in, a login OTP is queued behind them. Reports the
/// OTP's time to the mail server (target ≤ 5 s) and the messages sent per second (issue 15 measured 11.8/s on one node,
/// one connection per email, with the OTP behind 3,000 messages arriving after 114 s).
/// </summary>
public static class OutboxScenario
{
    public static async Task RunAsync(string provider, int messages)
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        await using var smtp = new FakeSmtpServer();
        var queued = Stopwatch.StartNew();
        await using (var db = database.NewContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = DateTime.UtcNow;
            for (var i = 0; i < messages; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Channel = MessageChannel.Email, Priority = MessagePriority.Bulk, To = $"admin{i}@contoh.co.id", Subject = "Pengingat pembayaran iuran",
                    Body = "Tagihan iuran BPJS Ketenagakerjaan periode Maret 2026 jatuh tempo 15 April 2026.", CreatedAt = now, NextAttemptAt = now,
                });
                if (i % 10_000 == 9_999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Outbox, {messages:N0} reminders queued in {queued.Elapsed.TotalSeconds:F1} s, {database.Provider}"));
        var settings = new NotificationOptions
        {
            Email = new EmailSettings { Enabled = true, Host = "127.0.0.1", Port = smtp.Port, Security = MailKit.Security.SecureSocketOptions.None },
        };
        await using var services = new ServiceCollection()
            .AddScoped<SippDbContext>(_ => database.NewProductContext())
            .AddSingleton(Options.Create(settings))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<SmtpEmailSender>()
            .AddSingleton<OutboxDispatcher>()
            .BuildServiceProvider();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var sending = Stopwatch.StartNew();
        await dispatcher.StartAsync(CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(3));
        const string Otp = "hrd.menunggu.otp@contoh.co.id";
        await using (var db = database.NewProductContext())
        {
            new Outbox(db, TimeProvider.System).Email(Otp, "Kode OTP masuk Sipp", "Kode OTP untuk masuk ke Sipp: 123456", MessagePriority.Urgent);
            await db.SaveChangesAsync();
        }

        var otpQueuedAt = sending.Elapsed;
        var otpLatency = TimeSpan.Zero;
        var sentBeforeOtp = smtp.Received.Count;
        while (smtp.Received.Count < messages + 1 && sending.Elapsed < TimeSpan.FromMinutes(15))
        {
            if (otpLatency == TimeSpan.Zero && smtp.Received.Any(m => m.To[0] == Otp))
            {
                otpLatency = sending.Elapsed - otpQueuedAt;
            }

            await Task.Delay(50);
        }

        sending.Stop();
        await dispatcher.StopAsync(CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  OTP queued after {sentBeforeOtp:N0} reminders were sent (and {messages - sentBeforeOtp:N0} still queued): at the mail server after {otpLatency.TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {smtp.Received.Count:N0} messages in {sending.Elapsed.TotalSeconds:F1} s: {smtp.Received.Count / sending.Elapsed.TotalSeconds:F0} messages/s over {smtp.Connections} SMTP connections"));
    }
}
