using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.BackOffice.AuditTrailArchive;

/// <summary>
/// GET /admin/arsip-audit/{yyyy-MM}.jsonl.gz: an Administrator downloads a month of the audit trail that the nightly
/// housekeeping moved to the archive (<see cref="AuditArchiveFormat"/>). The download is itself audited.
/// </summary>
public static class AuditArchiveApi
{
    public static void MapAuditArchive(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/admin/arsip-audit/{bulan:regex(^\\d{{4}}-\\d{{2}}$)}.jsonl.gz", DownloadAsync).RequireAuthorization(Policies.Administrator);

    private static async Task<IResult> DownloadAsync(string bulan, SippDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        var parts = await db.AuditArchives.AsNoTracking().Where(a => a.Month == bulan).OrderBy(a => a.Part)
            .Select(a => new { a.Content, a.EventCount }).ToListAsync(cancellationToken);
        if (parts.Count == 0)
        {
            return TypedResults.NotFound();
        }

        audit.Record("auditArsip.unduh", "ArsipAudit", bulan, null, null, new { bulan, peristiwa = parts.Sum(p => p.EventCount) });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(parts.SelectMany(p => p.Content).ToArray(), "application/gzip", $"audit-{bulan}.jsonl.gz");
    }
}
