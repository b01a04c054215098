using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>Fines carried across several late periods: charged as they grow on each next bill, never twice.</summary>
public class FineCarryTests(FineCarryTests.Fixture fixture) : IClassFixture<FineCarryTests.Fixture>
{
    [Fact]
    public async Task AnUnpaidPeriodsFine_IsChargedSoFarOnTheNextBill_AndTheRestAfterItIsPaid()
    {
        // 2 March 2026: January's bill (due Monday 16 February) is unpaid.
        var january = await fixture.BillAsync(Period.Of(2026, 1));
        var february = await fixture.BillAsync(Period.Of(2026, 2));

        Assert.Equal(Percent(january.ContributionAmount, 2), february.FineAmount); // one month begun so far
        Assert.Equal(february.ContributionAmount + february.FineAmount, february.TotalAmount);

        // 20 April: January is paid (three months begun); February (due 16 March) is still unpaid.
        fixture.Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 2, 0, 0, TimeSpan.Zero));
        await fixture.PayAsync(january, "2026-04-20");
        var march = await fixture.BillAsync(Period.Of(2026, 3));

        var januaryRest = Percent(january.ContributionAmount, 6) - Percent(january.ContributionAmount, 2);
        var februarySoFar = Percent(february.ContributionAmount, 4); // 16 March + 1 month < 20 April: two months begun
        Assert.Equal(januaryRest + februarySoFar, march.FineAmount);

        // Finalising again (after Batal Finalisasi) charges the same fines once more, not twice.
        await fixture.CancelAsync(Period.Of(2026, 3));
        var again = await fixture.BillAsync(Period.Of(2026, 3), compute: false);
        Assert.Equal(march.FineAmount, again.FineAmount);
        Assert.Equal(Percent(january.ContributionAmount, 6), await fixture.FinesOfAsync(january.PeriodId));
    }

    private static long Percent(long amount, int percent) => (long)Math.Round(amount * percent / 100m, MidpointRounding.AwayFromZero);

    public sealed class Fixture : SeededWebFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:DailyBillsCron"] = "0 0 7 1 1 ? 2099" };

        public Task<Bill> BillAsync(Period period, bool compute = true) => Factory.BillAsync("10000001", "001", period, compute: compute);

        public async Task CancelAsync(Period period)
        {
            var divisionId = await Factory.DivisionAsync("10000001", "001");
            await using var scope = Factory.Services.CreateAsyncScope();
            Assert.Null(await scope.ServiceProvider.ActingFor<BillIssuing>(divisionId).CancelAsync(divisionId, period, CancellationToken.None));
        }

        public Task PayAsync(Bill bill, string paidOn) => Factory.PayAsync(bill, paidOn);

        public async Task<long> FinesOfAsync(Guid periodId)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Fines.Where(f => f.SourcePeriodId == periodId).SumAsync(f => f.Amount);
        }
    }
}
