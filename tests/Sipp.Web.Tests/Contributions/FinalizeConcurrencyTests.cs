using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Tests.Contributions;

/// <summary>Computing or finalising the same period twenty times at once, each in its own request scope, on each database.</summary>
public class FinalizeConcurrencyTests
{
    [Theory]
    [DatabaseData]
    public async Task TwentyFinalisationsAtOnce_IssueExactlyOneBill(DatabaseProvider provider)
    {
        await using var factory = await SippWebFactory.CreateAsync(
            nameof(TwentyFinalisationsAtOnce_IssueExactlyOneBill), provider, "Development", new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" });
        _ = factory.Server;
        var period = Period.Of(2026, 2);
        var cancellationToken = TestContext.Current.CancellationToken;
        var divisionId = await factory.DivisionAsync("10000001", "000");
        await factory.ComputeAsync(divisionId, period);

        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var billing = scope.ServiceProvider.ActingFor<BillIssuing>(divisionId);
            start.Wait(cancellationToken);
            return await billing.FinalizeAsync(divisionId, period, "BNI_VA", cancellationToken);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r is null);
        Assert.All(results.OfType<Refusal>(), r => Assert.True(
            r.Kind == RefusalKind.Conflict && (r.Message == BillIssuing.ConcurrentChange || r.Message.Contains("sudah difinalisasi", StringComparison.Ordinal)), r.Message));
        await using var check = factory.Services.CreateAsyncScope();
        var bills = await check.ServiceProvider.GetRequiredService<ObserverDbContext>().Bills
            .Where(b => b.ContributionPeriod.DivisionId == divisionId).Select(b => b.Status).ToListAsync(cancellationToken);
        Assert.Equal([BillStatus.MenungguPembayaran], bills);
    }

    [Theory]
    [DatabaseData]
    public async Task TwentyComputationsAtOnce_EachEndInAResultOrAFriendlyRefusal_AndThePeriodIsWhole(DatabaseProvider provider)
    {
        await using var factory = await SippWebFactory.CreateAsync(
            nameof(TwentyComputationsAtOnce_EachEndInAResultOrAFriendlyRefusal_AndThePeriodIsWhole), provider, "Development",
            new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" });
        _ = factory.Server;
        var period = Period.Of(2026, 2);
        var cancellationToken = TestContext.Current.CancellationToken;
        var divisionId = await factory.DivisionAsync("10000001", "000");

        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var computation = scope.ServiceProvider.ActingFor<PeriodComputation>(divisionId);
            start.Wait(cancellationToken);
            return await computation.ComputeAsync(divisionId, period, cancellationToken);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts); // an exception here is what a user would see as a 500

        Assert.Contains(results, r => r is null);
        Assert.All(results.OfType<Refusal>(), r => Assert.True(r.Kind == RefusalKind.Conflict && r.Message == PeriodComputation.Busy, r.Message));
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var stored = await db.ContributionPeriods.SingleAsync(p => p.DivisionId == divisionId && p.Period == period, cancellationToken);
        var lines = await db.ContributionLines.Where(l => l.PeriodId == stored.Id).ToListAsync(cancellationToken);
        Assert.Equal(stored.WorkerCount, lines.Count);
        Assert.Equal(stored.Total, lines.Sum(l => l.Total));
        Assert.Equal(results.Count(r => r is null), stored.Computation);
    }

    [Theory]
    [DatabaseData]
    public async Task EightMonthsFinalisedAtOnce_SetOffACreditOnlyOnce(DatabaseProvider provider)
    {
        await using var factory = await SippWebFactory.CreateAsync(
            nameof(EightMonthsFinalisedAtOnce_SetOffACreditOnlyOnce), provider, "Development", new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" });
        _ = factory.Server;
        var cancellationToken = TestContext.Current.CancellationToken;
        var divisionId = await factory.DivisionAsync("10000001", "000");
        var months = Enumerable.Range(0, 8).Select(i => Period.Of(2025, 6).AddMonths(i)).ToList();
        foreach (var month in months)
        {
            await factory.ComputeAsync(divisionId, month);
        }

        // A Kelebihan Iuran worth one and a half months: every finalisation reads the unused credit, and only the
        // first ones may use it.
        long credit;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var first = await db.ContributionPeriods.SingleAsync(p => p.DivisionId == divisionId && p.Period == months[0], cancellationToken);
            credit = first.Total * 3 / 2;
            db.LateCharges.Add(new LateCharge
            {
                Id = Guid.NewGuid(), DivisionId = divisionId, EmploymentId = await db.Employments.Where(e => e.DivisionId == divisionId).Select(e => e.Id).FirstAsync(cancellationToken),
                Kind = Sipp.Domain.Contributions.LateChargeKind.Kelebihan, MonthPeriodId = first.Id, Month = first.Period, Upah = 1, Jht = credit, TotalEmployer = credit, Total = credit,
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        using var start = new ManualResetEventSlim();
        var attempts = months.Select(month => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var billing = scope.ServiceProvider.ActingFor<BillIssuing>(divisionId);
            start.Wait(cancellationToken);
            return await billing.FinalizeAsync(divisionId, month, "BNI_VA", cancellationToken);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.All(results, r => Assert.Null(r));
        await using var check = factory.Services.CreateAsyncScope();
        var setOff = await check.ServiceProvider.GetRequiredService<ObserverDbContext>().Bills
            .Where(b => b.ContributionPeriod.DivisionId == divisionId && b.Status != BillStatus.Dibatalkan).SumAsync(b => b.CreditAmount, cancellationToken);
        Assert.Equal(credit, setOff);
    }
}
