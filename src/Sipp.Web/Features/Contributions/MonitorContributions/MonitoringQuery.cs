using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;

namespace Sipp.Web.Features.Contributions.MonitorContributions;

/// <summary>One row of "Monitoring Iuran".</summary>
public sealed record MonitoringRow(
    Period Period, PeriodDisplayStatus Status, int WorkerCount, long Total, long Fine, long? BillTotal, string? KodeIuran, DateOnly? DueDate, DateOnly? PaidOn,
    long Jht, long Jkk, long Jkm, long Jp, long Arrears = 0, long BackPay = 0, long Credit = 0)
{
    /// <summary>Days between the due date and the payment (0 when on time); null while unpaid.</summary>
    public int? DaysLate => PaidOn is { } paid && DueDate is { } due ? Math.Max(0, paid.DayNumber - due.DayNumber) : null;
}

/// <summary>
/// Every stored period of the division with its live bill and payment, plus the months of the last year not computed
/// yet ("Belum Dihitung"), newest first. Reads one row per period: the per-program sums are kept on the period.
/// </summary>
public static class MonitoringQuery
{
    public static async Task<List<MonitoringRow>> LoadAsync(SippDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var stored = await db.ContributionPeriods.AsNoTracking()
            .Select(p => new
            {
                p.Period, p.Status, p.WorkerCount, p.Total, p.DueDate, p.JhtTotal, p.JkkTotal, p.JkmTotal, p.JpTotal,
                Bill = db.Bills.Where(b => b.PeriodId == p.Id && b.Status != BillStatus.Dibatalkan)
                    .Select(b => new { b.KodeIuran, b.FineAmount, b.TotalAmount, b.ArrearsAmount, b.BackPayAmount, b.CreditAmount, b.DueDate, PaidOn = db.Payments.Where(x => x.BillId == b.Id).Select(x => (DateOnly?)x.PaidOn).FirstOrDefault() })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var rows = stored.Select(p => new MonitoringRow(
            p.Period, PeriodLifecycle.Display(p.Status, p.DueDate, today), p.WorkerCount, p.Total, p.Bill?.FineAmount ?? 0, p.Bill?.TotalAmount, p.Bill?.KodeIuran,
            p.Bill?.DueDate, p.Bill?.PaidOn, p.JhtTotal, p.JkkTotal, p.JkmTotal, p.JpTotal, p.Bill?.ArrearsAmount ?? 0, p.Bill?.BackPayAmount ?? 0, p.Bill?.CreditAmount ?? 0)).ToList();
        var current = Period.Containing(today);
        for (var month = current.AddMonths(-11); month <= current; month = month.AddMonths(1))
        {
            if (rows.All(r => r.Period != month))
            {
                rows.Add(new MonitoringRow(month, PeriodDisplayStatus.BelumDihitung, 0, 0, 0, null, null, null, null, 0, 0, 0, 0));
            }
        }

        return rows.OrderByDescending(r => r.Period).ToList();
    }
}
