using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.MonitorContributions;

namespace Sipp.Web.Features.Home;

/// <summary>The start page of a company division: its workers, this month's period, what is due, the last twelve months.</summary>
public sealed record Dashboard(
    int ActiveWorkers, int AwaitingVerification, Period CurrentPeriod, PeriodDisplayStatus CurrentStatus, long AmountDue, DateOnly? NextDueDate,
    Period? OldestUnpaid, IReadOnlyList<MonitoringRow> LastYear)
{
    public static async Task<Dashboard> LoadAsync(SippDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var counts = await db.Employments.AsNoTracking()
            .GroupBy(e => e.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var rows = await MonitoringQuery.LoadAsync(db, today, cancellationToken);
        var current = Period.Containing(today);
        var unpaid = rows.Where(r => r.Status is PeriodDisplayStatus.MenungguPembayaran or PeriodDisplayStatus.Terlambat).OrderBy(r => r.Period).ToList();
        return new Dashboard(
            counts.Where(c => c.Status == EmploymentStatus.Aktif).Sum(c => c.Count),
            counts.Where(c => c.Status == EmploymentStatus.MenungguVerifikasi).Sum(c => c.Count),
            current,
            rows.FirstOrDefault(r => r.Period == current)?.Status ?? PeriodDisplayStatus.BelumDihitung,
            unpaid.Sum(r => r.BillTotal ?? 0),
            unpaid.Min(r => r.DueDate),
            unpaid.FirstOrDefault()?.Period,
            rows.Where(r => r.Period > current.AddMonths(-12) && r.Period <= current).OrderBy(r => r.Period).ToList());
    }
}
