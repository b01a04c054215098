using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Messaging;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.RemindUnpaidBills;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>A company's unpaid bills reach each Admin in one email and one SMS a day, not one per bill (issue 15).</summary>
public class BundledReminderTests
{
    [Fact]
    public async Task TwoUnpaidBillsOfACompany_GoToItsAdminInOneEmailAndOneSms()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await SippWebFactory.CreateAsync(nameof(TwoUnpaidBillsOfACompany_GoToItsAdminInOneEmailAndOneSms), environment: "Development",
            settings: new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false", ["Jobs:DailyBillsCron"] = "0 0 7 1 1 ? 2099" });
        _ = factory.Server;
        var january = await factory.BillAsync("10000002", "000", Period.Of(2026, 1), "MANDIRI");
        var february = await factory.BillAsync("10000002", "000", Period.Of(2026, 2), "MANDIRI");
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 0, 30, 0, TimeSpan.Zero));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<UnpaidBillNotices>().RemindAsync(ct) >= 1);
        }

        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var phone = await db.Users.Where(u => u.Email == DevelopmentSeed.CompanyUserEmail).Select(u => u.PhoneNumber).SingleAsync(ct);
        var emails = await db.OutboxMessages.Where(m => m.To == DevelopmentSeed.CompanyUserEmail && m.Body.Contains(january.KodeIuran)).ToListAsync(ct);
        var email = Assert.Single(emails);
        Assert.Equal("Pengingat pembayaran iuran: 2 tagihan", email.Subject);
        Assert.Contains(february.KodeIuran, email.Body, StringComparison.Ordinal);
        Assert.Equal(MessagePriority.Bulk, email.Priority);
        var sms = Assert.Single(await db.OutboxMessages.Where(m => m.Channel == MessageChannel.Sms && m.To == phone && m.Body.Contains("tagihan iuran")).ToListAsync(ct));
        Assert.StartsWith("2 tagihan iuran", sms.Body, StringComparison.Ordinal);
    }
}
