using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>The real scheduler with its default schedule: when the clock passes 07:00 WIB on the 5th, the reminders go out.</summary>
public class DailyBillsScheduleTests(DailyBillsScheduleTests.Fixture fixture) : IClassFixture<DailyBillsScheduleTests.Fixture>
{
    [Fact]
    public async Task PassingSevenInTheMorningInJakarta_RunsTheDailyJob()
    {
        var kode = (await fixture.Factory.BillAsync("10000001", "001", Period.Of(2026, 2), "BCA_VA")).KodeIuran;

        fixture.Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 0, 1, 0, TimeSpan.Zero)); // 07:01 WIB on the 5th

        var deadline = DateTime.UtcNow.AddSeconds(20);
        var reminded = false;
        while (!reminded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            reminded = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OutboxMessages
                .AnyAsync(m => m.To == DevelopmentSeed.CompanyUserEmail && m.Subject!.StartsWith("Pengingat pembayaran") && m.Body.Contains(kode), TestContext.Current.CancellationToken);
        }

        Assert.True(reminded, "The daily job did not send the reminder after 07:00 WIB on the 5th.");
    }

    public sealed class Fixture : SeededWebFixture;
}
