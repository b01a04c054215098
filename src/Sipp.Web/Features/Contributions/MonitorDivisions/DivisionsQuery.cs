using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Contributions.MonitorDivisions;

/// <summary>One division's month on the combined Monitoring Iuran and the bureau's portfolio, with its bills past due of any month.</summary>
public sealed record DivisionMonth(
    Guid DivisionId, string Code, string Name, PeriodDisplayStatus Status, int WorkerCount, long Total, long? BillTotal, string? KodeIuran, DateOnly? DueDate, DateOnly? PaidOn,
    int LateBills, long LateAmount, long Jht = 0, long Jkk = 0, long Jkm = 0, long Jp = 0)
{
    /// <summary>The client company (on the portfolio, where divisions of many companies meet).</summary>
    public string Npp { get; init; } = "";

    public string CompanyName { get; init; } = "";

    public int WaitingVerifications { get; init; }

    /// <summary>Uploads being checked or checked and not yet imported.</summary>
    public int WaitingUploads { get; init; }

    /// <summary>Unpaid bills of any month due from today to six days on.</summary>
    public int DueThisWeek { get; init; }
}

/// <summary>
/// A period of each division the caller may see (<see cref="DivisionAccess"/>'s rights: the user's own memberships
/// or their bureau's grants), one row each (the per-program sums are kept on the period, so one row per division is
/// read), with each division's bills past due and due this week (of any month), waiting verifications and uploads. Only
/// the divisions passed are read.
/// </summary>
public static class DivisionsQuery
{
    /// <summary>The divisions of the user's current company they may see together.</summary>
    public static Task<List<DivisionRight>> OfCompanyAsync(DivisionAccess access, CompanyContext company, CancellationToken cancellationToken) =>
        access.ListAsync(company.UserId, r => r.CompanyId == company.CompanyId, cancellationToken);

    public static async Task<List<DivisionMonth>> LoadAsync(SippDbContext db, IReadOnlyList<DivisionRight> divisions, Period period, DateOnly today, CancellationToken cancellationToken)
    {
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
        var weekEnd = today.AddDays(6);
        var unpaid = await db.Bills.AsNoTracking().AcrossDivisions()
            .Where(b => ids.Contains(b.ContributionPeriod.DivisionId) && b.Status == BillStatus.MenungguPembayaran && b.DueDate <= weekEnd)
            .GroupBy(b => b.ContributionPeriod.DivisionId)
            .Select(g => new
            {
                DivisionId = g.Key, Count = g.Count(b => b.DueDate < today), Amount = g.Sum(b => b.DueDate < today ? b.TotalAmount : 0), Soon = g.Count(b => b.DueDate >= today),
            })
            .ToDictionaryAsync(l => l.DivisionId, cancellationToken);
        var late = unpaid.Where(u => u.Value.Count > 0).ToDictionary(u => u.Key, u => u.Value);
        var verifications = await db.Employments.AsNoTracking().AcrossDivisions()
            .Where(e => ids.Contains(e.DivisionId) && e.Status == Sipp.Domain.Workers.EmploymentStatus.MenungguVerifikasi)
            .GroupBy(e => e.DivisionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var uploads = await db.UploadBatches.AsNoTracking().AcrossDivisions()
            .Where(b => ids.Contains(b.DivisionId) && (b.State == Sipp.Data.Uploads.UploadState.Diperiksa || b.State == Sipp.Data.Uploads.UploadState.SiapImpor))
            .GroupBy(b => b.DivisionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return divisions.OrderBy(d => d.Npp, StringComparer.Ordinal).ThenBy(d => d.DivisionCode, StringComparer.Ordinal).Select(d =>
        {
            var month = months.GetValueOrDefault(d.DivisionId);
            var overdue = late.GetValueOrDefault(d.DivisionId);
            var row = month is null
                ? new DivisionMonth(d.DivisionId, d.DivisionCode, d.DivisionName, PeriodDisplayStatus.BelumDihitung, 0, 0, null, null, null, null, overdue?.Count ?? 0, overdue?.Amount ?? 0)
                : new DivisionMonth(
                    d.DivisionId, d.DivisionCode, d.DivisionName, PeriodLifecycle.Display(month.Status, month.DueDate, today), month.WorkerCount, month.Total, month.Bill?.TotalAmount, month.Bill?.KodeIuran,
                    month.Bill?.DueDate, month.Bill?.PaidOn, overdue?.Count ?? 0, overdue?.Amount ?? 0, month.JhtTotal, month.JkkTotal, month.JkmTotal, month.JpTotal);
            return row with
            {
                Npp = d.Npp, CompanyName = d.CompanyName, WaitingVerifications = verifications.GetValueOrDefault(d.DivisionId), WaitingUploads = uploads.GetValueOrDefault(d.DivisionId),
                DueThisWeek = unpaid.GetValueOrDefault(d.DivisionId)?.Soon ?? 0,
            };
        }).ToList();
    }
}
