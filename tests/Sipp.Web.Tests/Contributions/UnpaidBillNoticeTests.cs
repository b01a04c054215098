using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Data.Messaging;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Features.Contributions.RemindUnpaidBills;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Jobs;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>The daily work on unpaid bills, with the clock moved day by day, and its place in the scheduler.</summary>
public class UnpaidBillNoticeTests(UnpaidBillNoticeTests.Fixture fixture) : IClassFixture<UnpaidBillNoticeTests.Fixture>
{
    [Fact]
    public async Task RemindersStartOnThe5th_GoOnceADayToTheAdmins_AndALateBillIsAnnouncedOnce()
    {
        var clock = fixture.Factory.Clock;
        Assert.Equal(new DateOnly(2026, 3, 2), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)); // the fixture's start
        var bill = await fixture.BillAsync(Period.Of(2026, 2)); // due Monday 16 March 2026

        Assert.Equal(0, await fixture.RemindAsync()); // before the 5th

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 0, 30, 0, TimeSpan.Zero));
        var first = await fixture.RemindAsync();
        Assert.True(first >= 1);
        Assert.Equal(0, await fixture.RemindAsync()); // the same day again, as a second node would
        var emails = await fixture.MessagesAsync(DevelopmentSeed.CompanyUserEmail, bill.KodeIuran);
        Assert.Single(emails);
        Assert.StartsWith("Pengingat pembayaran iuran Februari 2026", emails[0].Subject, StringComparison.Ordinal);
        Assert.Contains("16 Maret 2026", emails[0].Body, StringComparison.Ordinal);

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 0, 30, 0, TimeSpan.Zero));
        Assert.Equal(first, await fixture.RemindAsync()); // the next day, again
        Assert.Equal(0, await fixture.MarkLateAsync()); // not late yet

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 17, 0, 30, 0, TimeSpan.Zero));
        Assert.Equal(first, await fixture.MarkLateAsync());
        Assert.Equal(0, await fixture.MarkLateAsync());
        Assert.Contains(await fixture.MessagesAsync(DevelopmentSeed.CompanyUserEmail, bill.KodeIuran), m => m.Subject == "Iuran Februari 2026 terlambat");
    }

    [Fact]
    public async Task TheDailyJob_FollowsItsConfiguredSchedule_InJakartaTime()
    {
        var scheduler = await fixture.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        var triggers = await scheduler.GetTriggersOfJob(new JobKey(JobsSetup.DailyBillsJob), TestContext.Current.CancellationToken);

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(triggers));
        Assert.Equal(Fixture.NeverDuringTheTest, trigger.CronExpressionString);
        Assert.Equal(TimeSpan.FromHours(7), trigger.TimeZone.GetUtcOffset(DateTime.UtcNow));
    }

    public sealed class Fixture : SeededWebFixture
    {
        /// <summary>The scheduler follows the (moved) clock: here it must not run the job behind the test's back.</summary>
        public const string NeverDuringTheTest = "0 0 7 1 1 ? 2099";

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:DailyBillsCron"] = NeverDuringTheTest };

        public Task<Bill> BillAsync(Period period) => Factory.BillAsync("10000002", "000", period, "MANDIRI");

        public async Task<int> RemindAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<UnpaidBillNotices>().RemindAsync(CancellationToken.None);
        }

        public async Task<int> MarkLateAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<UnpaidBillNotices>().MarkLateAsync(CancellationToken.None);
        }

        public async Task<List<OutboxMessage>> MessagesAsync(string to, string containing)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.To == to && m.Body.Contains(containing)).OrderBy(m => m.Id).ToListAsync();
        }
    }
}
