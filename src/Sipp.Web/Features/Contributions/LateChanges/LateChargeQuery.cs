using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;

namespace Sipp.Web.Features.Contributions.LateChanges;

/// <summary>A late charge as shown: whose, for which month, how much, its fine on this bill, and for a credit the part set off here.</summary>
public sealed record LateChargeRow(
    LateChargeKind Kind, Guid EmploymentId, string Name, string? Kpj, string? EmployeeNumber, Period Month, long Upah, long Jht, long Jkk, long Jkm, long Jp, long Total, long Fine, long SetOff);

/// <summary>The late charges a bill carries, or, before the period is final, those waiting for its bill.</summary>
public sealed record LateChargeView(IReadOnlyList<LateChargeRow> Rows, int HiddenRows, IReadOnlyDictionary<LateChargeKind, long> Totals, bool Waiting, long UnusedCredit)
{
    public const int Shown = 100;

    public bool IsEmpty => Totals.Values.All(t => t == 0) && UnusedCredit == 0;

    public long TotalOf(LateChargeKind kind) => Totals.GetValueOrDefault(kind);
}

public static class LateChargeQuery
{
    /// <param name="bill">The period's live bill; null while the period is not final.</param>
    public static async Task<LateChargeView> LoadAsync(SippDbContext db, Bill? bill, CancellationToken cancellationToken)
    {
        var carried = bill is null ? LateChargeBilling.Waiting(db) : db.LateCharges.Where(c => c.ChargedOnBillId == bill.Id);
        var count = await carried.CountAsync(cancellationToken);
        var rows = await Rows(db, carried.OrderBy(c => c.Kind).ThenBy(c => c.Employment.SortName).ThenBy(c => c.Month).Take(LateChargeView.Shown), bill?.Id)
            .ToListAsync(cancellationToken);
        var (credits, unused) = await CreditsAsync(db, bill, cancellationToken);
        // A bill keeps its amount of each kind; before it, they are summed from what waits (the credit: what is available).
        var totals = bill is null
            ? await LateChargeBilling.TotalsAsync(carried, cancellationToken)
            : new Dictionary<LateChargeKind, long> { [LateChargeKind.Susulan] = bill.ArrearsAmount, [LateChargeKind.Rapel] = bill.BackPayAmount };
        totals[LateChargeKind.Kelebihan] = bill?.CreditAmount ?? credits.Sum(c => c.SetOff);
        return new LateChargeView([.. rows, .. credits], count - rows.Count, totals, bill is null, unused);
    }

    /// <summary>What waits for the division's next bill, amounts only (Monitoring Iuran).</summary>
    public static async Task<LateChargeView> NextBillAsync(SippDbContext db, CancellationToken cancellationToken) =>
        new([], 0, await LateChargeBilling.TotalsAsync(LateChargeBilling.Waiting(db), cancellationToken), true,
            await LateChargeBilling.UnusedCreditAsync(db, cancellationToken));

    /// <summary>Every charge of a bill (or waiting for one) of a kind, for the reports; fines are the ones charged on that bill.</summary>
    public static IQueryable<LateChargeRow> ForReport(SippDbContext db, Guid? billId, LateChargeKind kind) =>
        Rows(db, (billId is { } id ? db.LateCharges.Where(c => c.ChargedOnBillId == id) : LateChargeBilling.Waiting(db))
            .Where(c => c.Kind == kind).OrderBy(c => c.Employment.SortName).ThenBy(c => c.EmploymentId).ThenBy(c => c.Month), billId);

    /// <summary>
    /// The credits set off against <paramref name="bill"/> (oldest first, as <see cref="CreditAllocation"/> derives), or,
    /// without a bill, the credits not used yet; and the division's unused credit.
    /// </summary>
    public static async Task<(List<LateChargeRow> Rows, long Unused)> CreditsAsync(SippDbContext db, Bill? bill, CancellationToken cancellationToken)
    {
        var credits = await Rows(db, db.LateCharges.Where(c => c.Kind == LateChargeKind.Kelebihan).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id), null)
            .ToListAsync(cancellationToken);
        if (credits.Count == 0)
        {
            return ([], 0);
        }

        var bills = await db.Bills.Where(b => b.Status != BillStatus.Dibatalkan && b.CreditAmount > 0)
            .OrderBy(b => b.IssuedAt).ThenBy(b => b.Id).Select(b => new { b.Id, b.CreditAmount }).ToListAsync(cancellationToken);
        var parts = CreditAllocation.Allocate(credits.Select(c => c.Total).ToList(), bills.Select(b => b.CreditAmount).ToList());
        var unused = credits.Sum(c => c.Total) - bills.Sum(b => b.CreditAmount); // as LateChargeBilling.UnusedCreditAsync
        if (bill is null)
        {
            var used = parts.GroupBy(p => p.Credit).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
            return (credits.Select((c, i) => c with { SetOff = c.Total - used.GetValueOrDefault(i) }).Where(c => c.SetOff > 0).ToList(), unused);
        }

        var index = bills.FindIndex(b => b.Id == bill.Id);
        return (parts.Where(p => p.Bill == index).Select(p => credits[p.Credit] with { SetOff = p.Amount }).ToList(), unused);
    }

    /// <summary>Each charge with its worker; an Iuran Susulan with the fine charged for it on <paramref name="billId"/>.</summary>
    private static IQueryable<LateChargeRow> Rows(SippDbContext db, IQueryable<LateCharge> charges, Guid? billId) =>
        charges.Select(c => new LateChargeRow(
            c.Kind, c.EmploymentId, c.Employment.Participant.FullName, c.Employment.Participant.Kpj, c.Employment.EmployeeNumber, c.Month, c.Upah, c.Jht, c.Jkk, c.Jkm, c.Jp, c.Total,
            db.Fines.Where(f => f.LateChargeId == c.Id && f.ChargedOnBillId == billId).Sum(f => (long?)f.Amount) ?? 0, 0));
}
