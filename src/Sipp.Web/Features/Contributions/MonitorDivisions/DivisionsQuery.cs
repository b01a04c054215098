using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;

namespace Sipp.Web.Features.Contributions.MonitorDivisions;

/// <summary>One division's month on the combined Monitoring Iuran, with its bills past due of any month.</summary>
public sealed record DivisionMonth(
    Guid DivisionId, string Code, string Name, PeriodDisplayStatus Status, int WorkerCount, long Total, long? BillTotal, string? KodeIuran, DateOnly? DueDate, DateOnly? PaidOn,
    int LateBills, long LateAmount, long Jht = 0, long Jkk = 0, long Jkm = 0, long Jp = 0);

/// <summary>
/// A period of every division of the user's current company where the user is an active member, one row each (the
/// per-program sums are kept on the period, so one row per division is read), and each division's bills past due.
/// The divisions come from the user's own memberships: another company, or a division the user is not a member of,
/// is never read.
/// </summary>
public static class DivisionsQuery
{
    /// <summary>The user's active memberships in the divisions of the company: the divisions they may see together.</summary>
    public static IQueryable<Membership> Memberships(SippDbContext db, Guid userId, Guid companyId) =>
        db.Memberships.AsNoTracking().AcrossDivisions().Where(m => m.UserId == userId && m.IsActive && m.Division.CompanyId == companyId);

    public static async Task<List<DivisionMonth>> LoadAsync(SippDbContext db, Guid userId, Guid companyId, Period period, DateOnly today, CancellationToken cancellationToken)
    {
        var divisions = await Memberships(db, userId, companyId)
            .Select(m => new { m.DivisionId, m.Division.Code, m.Division.Name })
            .ToListAsync(cancellationToken);
        var ids = divisions.Select(d => d.DivisionId).ToList();
        var months = await db.ContributionPeriods.AsNoTracking().AcrossDivisions()
            .Where(p => ids.Contains(p.DivisionId) && p.Period == period)
            .Select(p => new
            {
                p.DivisionId, p.Status, p.WorkerCount, p.Total, p.DueDate, p.JhtTotal, p.JkkTotal, p.JkmTotal, p.JpTotal,
                Bill = db.Bills.AcrossDivisions().Where(b => b.PeriodId == p.Id && b.Status != BillStatus.Dibatalkan)
                    .Select(b => new { b.KodeIuran, b.TotalAmount, b.DueDate, PaidOn = db.Payments.AcrossDivisions().Where(x => x.BillId == b.Id).Select(x => (DateOnly?)x.PaidOn).FirstOrDefault() })
                    .FirstOrDefault(),
            })
            .ToDictionaryAsync(p => p.DivisionId, cancellationToken);
        var late = await db.Bills.AsNoTracking().AcrossDivisions()
            .Where(b => ids.Contains(b.ContributionPeriod.DivisionId) && b.Status == BillStatus.MenungguPembayaran && b.DueDate < today)
            .GroupBy(b => b.ContributionPeriod.DivisionId)
            .Select(g => new { DivisionId = g.Key, Count = g.Count(), Amount = g.Sum(b => b.TotalAmount) })
            .ToDictionaryAsync(l => l.DivisionId, cancellationToken);
        return divisions.OrderBy(d => d.Code).Select(d =>
        {
            var month = months.GetValueOrDefault(d.DivisionId);
            var overdue = late.GetValueOrDefault(d.DivisionId);
            return month is null
                ? new DivisionMonth(d.DivisionId, d.Code, d.Name, PeriodDisplayStatus.BelumDihitung, 0, 0, null, null, null, null, overdue?.Count ?? 0, overdue?.Amount ?? 0)
                : new DivisionMonth(
                    d.DivisionId, d.Code, d.Name, PeriodLifecycle.Display(month.Status, month.DueDate, today), month.WorkerCount, month.Total, month.Bill?.TotalAmount, month.Bill?.KodeIuran,
                    month.Bill?.DueDate, month.Bill?.PaidOn, overdue?.Count ?? 0, overdue?.Amount ?? 0, month.JhtTotal, month.JkkTotal, month.JkmTotal, month.JpTotal);
        }).ToList();
    }
}
