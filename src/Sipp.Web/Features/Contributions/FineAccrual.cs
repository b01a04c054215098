using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Rules;

namespace Sipp.Web.Features.Contributions;

/// <summary>
/// Brings a late period's fine up to date (iuran.md §4): the fine for the months late so far, less the parts already
/// recorded, is added as a new part waiting for the division's next bill.
/// </summary>
public static class FineAccrual
{
    /// <summary>Adds the missing part of <paramref name="bill"/>'s fine as of <paramref name="asOf"/>; returns it (0 when none).</summary>
    public static Task<long> AccrueAsync(SippDbContext db, Bill bill, ContributionPeriod period, DateOnly asOf, RuleTable rules, DateTime now, CancellationToken cancellationToken) =>
        AccrueAsync(db, period.DivisionId, period.Id, null, period.Period, bill.ContributionAmount, asOf, rules, now, cancellationToken);

    /// <summary>The same for an Iuran Susulan: its month's fine on its amount, from that month's own due date (iuran.md §7).</summary>
    public static Task<long> AccrueAsync(SippDbContext db, LateCharge arrears, DateOnly asOf, RuleTable rules, DateTime now, CancellationToken cancellationToken) =>
        AccrueAsync(db, arrears.DivisionId, arrears.MonthPeriodId, arrears.Id, arrears.Month, arrears.Total, asOf, rules, now, cancellationToken);

    private static async Task<long> AccrueAsync(
        SippDbContext db, Guid divisionId, Guid periodId, Guid? lateChargeId, Domain.Periods.Period period, long amount, DateOnly asOf, RuleTable rules, DateTime now, CancellationToken cancellationToken)
    {
        var fine = LateFine.Compute(period, amount, asOf, rules);
        if (fine.Fine == 0)
        {
            return 0;
        }

        var recorded = await db.Fines.Where(f => f.SourcePeriodId == periodId && f.LateChargeId == lateChargeId).SumAsync(f => (long?)f.Amount, cancellationToken) ?? 0;
        var missing = fine.Fine - recorded;
        if (missing <= 0)
        {
            return 0;
        }

        db.Fines.Add(new Fine
        {
            Id = Guid.CreateVersion7(), DivisionId = divisionId, SourcePeriodId = periodId, LateChargeId = lateChargeId, MonthsLate = fine.MonthsLate, Amount = missing, CreatedAt = now,
        });
        return missing;
    }

    /// <summary>At the finalisation of a period: the fines so far of the division's other bills that are unpaid and past due.</summary>
    public static async Task AccrueUnpaidAsync(SippDbContext db, Guid divisionId, Guid exceptPeriodId, DateOnly today, RuleTable rules, DateTime now, CancellationToken cancellationToken)
    {
        var overdue = await db.Bills.Include(b => b.ContributionPeriod)
            .Where(b => b.ContributionPeriod.DivisionId == divisionId && b.PeriodId != exceptPeriodId && b.Status == BillStatus.MenungguPembayaran && b.DueDate < today)
            .ToListAsync(cancellationToken);
        foreach (var bill in overdue)
        {
            await AccrueAsync(db, bill, bill.ContributionPeriod, today, rules, now, cancellationToken);
        }
    }
}
