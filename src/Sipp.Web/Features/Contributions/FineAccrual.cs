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
    public static async Task<long> AccrueAsync(SippDbContext db, Bill bill, ContributionPeriod period, DateOnly asOf, RuleTable rules, DateTime now, CancellationToken cancellationToken)
    {
        var fine = LateFine.Compute(period.Period, bill.ContributionAmount, asOf, rules);
        if (fine.Fine == 0)
        {
            return 0;
        }

        // The period's own fine; an Iuran Susulan of the same month has fine parts of its own (LateChargeId).
        var recorded = await db.Fines.Where(f => f.SourcePeriodId == period.Id && f.LateChargeId == null).SumAsync(f => (long?)f.Amount, cancellationToken) ?? 0;
        return AddMissingPart(db, fine, recorded, period.DivisionId, period.Id, null, now);
    }

    /// <summary>
    /// The same for Iuran Susulan (iuran.md §7): each charge's month's fine on its amount, from that month's own due date,
    /// less what was recorded for it; read in one query, however many charges. Returns the parts added.
    /// </summary>
    public static async Task<long> AccrueArrearsAsync(SippDbContext db, IQueryable<LateCharge> arrears, DateOnly asOf, RuleTable rules, DateTime now, CancellationToken cancellationToken)
    {
        var charges = await arrears.Where(c => c.Kind == LateChargeKind.Susulan)
            .Select(c => new { c.Id, c.DivisionId, c.MonthPeriodId, c.Month, c.Total, Recorded = db.Fines.Where(f => f.LateChargeId == c.Id).Sum(f => (long?)f.Amount) ?? 0 })
            .ToListAsync(cancellationToken);
        return charges.Sum(c => AddMissingPart(db, LateFine.Compute(c.Month, c.Total, asOf, rules), c.Recorded, c.DivisionId, c.MonthPeriodId, c.Id, now));
    }

    /// <summary>The fine so far less the parts recorded, added as a new part waiting for the next bill; returns it (0 when none).</summary>
    private static long AddMissingPart(SippDbContext db, FineResult fine, long recorded, Guid divisionId, Guid periodId, Guid? lateChargeId, DateTime now)
    {
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
    public static async Task AccrueUnpaidAsync(SippDbContext db, Guid exceptPeriodId, DateOnly today, RuleTable rules, DateTime now, CancellationToken cancellationToken)
    {
        var overdue = await db.Bills.Include(b => b.ContributionPeriod)
            .Where(b => b.PeriodId != exceptPeriodId && b.Status == BillStatus.MenungguPembayaran && b.DueDate < today)
            .ToListAsync(cancellationToken);
        foreach (var bill in overdue)
        {
            await AccrueAsync(db, bill, bill.ContributionPeriod, today, rules, now, cancellationToken);
        }
    }
}
