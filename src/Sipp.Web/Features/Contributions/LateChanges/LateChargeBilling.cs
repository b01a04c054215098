using Sipp.Domain;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Rules;

using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Contributions.LateChanges;

/// <summary>
/// How late charges meet the bills (iuran.md §7): the next bill carries every waiting Susulan (with its fine so far)
/// and Rapel and sets off the division's unused credit; voiding it releases all of that again.
/// </summary>
public static class LateChargeBilling
{
    /// <summary>
    /// Charges the waiting Susulan and Rapel on <paramref name="bill"/> (already saved) and adds the Susulan fines so far
    /// as fines waiting for it; a whole division's backdated raise is a few statements, not one per charge.
    /// </summary>
    public static async Task AttachAsync(SippDbContext db, Bill bill, DateOnly today, RuleTable rules, DateTime now, CancellationToken cancellationToken)
    {
        var waiting = Waiting(db);
        await FineAccrual.AccrueArrearsAsync(db, waiting, today, rules, now, cancellationToken);
        var totals = await TotalsAsync(waiting, cancellationToken);
        bill.ArrearsAmount = totals.GetValueOrDefault(LateChargeKind.Susulan);
        bill.BackPayAmount = totals.GetValueOrDefault(LateChargeKind.Rapel);
        await waiting.ExecuteUpdateAsync(c => c.SetProperty(x => x.ChargedOnBillId, bill.Id), cancellationToken);
    }

    /// <summary>The Iuran Susulan and Rapel of the division waiting for its next bill.</summary>
    public static IQueryable<LateCharge> Waiting(SippDbContext db) =>
        db.LateCharges.Where(c => c.ChargedOnBillId == null && c.Kind != LateChargeKind.Kelebihan);

    /// <summary>The amount of each kind among <paramref name="charges"/>.</summary>
    public static Task<Dictionary<LateChargeKind, long>> TotalsAsync(IQueryable<LateCharge> charges, CancellationToken cancellationToken) =>
        charges.GroupBy(c => c.Kind).Select(g => new { g.Key, Total = g.Sum(c => c.Total) }).ToDictionaryAsync(g => g.Key, g => g.Total, cancellationToken);

    /// <summary>Kelebihan Iuran not yet set off: every credit of the division less what its live and paid bills used.</summary>
    public static async Task<long> UnusedCreditAsync(SippDbContext db, CancellationToken cancellationToken)
    {
        var credits = await db.LateCharges.Where(c => c.Kind == LateChargeKind.Kelebihan).SumAsync(c => (long?)c.Total, cancellationToken) ?? 0;
        var used = await db.Bills.Where(b => b.Status != BillStatus.Dibatalkan)
            .SumAsync(b => (long?)b.CreditAmount, cancellationToken) ?? 0;
        return credits - used;
    }

    /// <summary>At "Batal Finalisasi" of a bill: its Susulan and Rapel wait for the next bill again (its credit returns by itself).</summary>
    public static Task ReleaseAsync(SippDbContext db, Guid billId, CancellationToken cancellationToken) =>
        db.LateCharges.Where(c => c.ChargedOnBillId == billId).ExecuteUpdateAsync(c => c.SetProperty(x => x.ChargedOnBillId, (Guid?)null), cancellationToken);

    /// <summary>
    /// At "Batal Finalisasi" of a month that late charges are for: the recomputation will count those workers itself, so
    /// the charges still waiting are withdrawn. Refused when one is already on a bill or its credit was used.
    /// </summary>
    public static async Task<Refusal?> WithdrawForMonthAsync(SippDbContext db, ContributionPeriod month, CancellationToken cancellationToken)
    {
        var charges = await db.LateCharges.Where(c => c.MonthPeriodId == month.Id).ToListAsync(cancellationToken);
        if (charges.Count == 0)
        {
            return null;
        }

        if (charges.FirstOrDefault(c => c.ChargedOnBillId is not null) is { } billed)
        {
            var carrier = await db.Bills.Where(b => b.Id == billed.ChargedOnBillId).Select(b => b.ContributionPeriod.Period).SingleAsync(cancellationToken);
            return Refusal.Of(
                Wording.Of($"{Wording.OfName(LateCharges.Label(billed.Kind))} periode ini sudah ditagihkan pada tagihan periode {carrier}; finalisasi tidak dapat dibatalkan. Perubahan lain untuk periode ini tetap dapat dimasukkan dan ditagihkan pada tagihan berikutnya."),
                RefusalKind.Conflict);
        }

        var credit = charges.Where(c => c.Kind == LateChargeKind.Kelebihan).Sum(c => c.Total);
        if (credit > 0 && credit > await UnusedCreditAsync(db, cancellationToken))
        {
            return Refusal.Of(
                Wording.Of("Kelebihan Iuran periode ini sudah dikompensasikan pada tagihan lain; finalisasi tidak dapat dibatalkan. Perubahan lain untuk periode ini tetap dapat dimasukkan dan ditagihkan pada tagihan berikutnya."),
                RefusalKind.Conflict);
        }

        db.LateCharges.RemoveRange(charges);
        return null;
    }
}
