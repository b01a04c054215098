using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Features.Contributions.MonitorDivisions;

namespace Sipp.Web.Features.Bureaus.Portfolio;

/// <summary>The portfolio's filters and orders ("Saring", "Urut"), as the bureau's staff choose them.</summary>
public static class PortfolioView
{
    public const string DueThisWeek = "jatuh-tempo-minggu-ini";
    public const string Late = "terlambat";
    public const string NotComputed = "belum-dihitung";

    public static readonly IReadOnlyList<(string Key, string Label)> Filters =
        [(DueThisWeek, "Jatuh tempo minggu ini"), (Late, "Terlambat"), (NotComputed, "Belum Dihitung")];

    public static readonly IReadOnlyList<(string Key, string Label)> Orders =
        [("klien", "Klien"), ("status", "Status"), ("jumlah", "Jumlah Tagihan"), ("jatuh-tempo", "Jatuh Tempo"), ("terlambat", "Terlambat")];

    /// <summary>This month of every client division granted to the user's bureau (the rights <see cref="DivisionAccess"/> gives).</summary>
    public static async Task<List<DivisionMonth>> LoadAsync(SippDbContext db, DivisionAccess access, Guid userId, Period period, DateOnly today, CancellationToken cancellationToken) =>
        await DivisionsQuery.LoadAsync(db, await access.Grants(userId).ToListAsync(cancellationToken), period, today, cancellationToken);

    /// <summary>A bill of any month unpaid and due in the seven days from today.</summary>
    public static bool IsDueThisWeek(DivisionMonth row) => row.DueThisWeek > 0;

    public static IEnumerable<DivisionMonth> Apply(IEnumerable<DivisionMonth> rows, string? filter, string? order)
    {
        var kept = filter switch
        {
            DueThisWeek => rows.Where(IsDueThisWeek),
            Late => rows.Where(r => r.LateBills > 0),
            NotComputed => rows.Where(r => r.Status == PeriodDisplayStatus.BelumDihitung),
            _ => rows,
        };
        return order switch
        {
            "status" => kept.OrderBy(r => r.Status).ThenBy(r => r.CompanyName, StringComparer.Ordinal),
            "jumlah" => kept.OrderByDescending(r => r.BillTotal ?? r.Total).ThenBy(r => r.CompanyName, StringComparer.Ordinal),
            "jatuh-tempo" => kept.OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.CompanyName, StringComparer.Ordinal),
            "terlambat" => kept.OrderByDescending(r => r.LateAmount).ThenBy(r => r.CompanyName, StringComparer.Ordinal),
            _ => kept.OrderBy(r => r.CompanyName, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal),
        };
    }
}
