using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sipp.Data;
using Sipp.Data.Operations;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>Ready only when the database takes a committed write, not merely a connection.</summary>
public sealed class DatabaseWriteHealthCheck(SippDbContext db, TimeProvider clock) : IHealthCheck
{
    private static readonly string Node = Environment.MachineName + ":" + Environment.ProcessId;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (await TouchAsync(now, cancellationToken) == 0)
            {
                db.HealthProbes.Add(new HealthProbe { Node = Node, CheckedAt = now });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Two checks of a new node at once (the balancer's and a deploy script's) both found no row; the other
                    // wrote it, so this write goes to it. A node was "Unhealthy" for this at start (issue 15 campaign).
                    db.ChangeTracker.Clear();
                    if (await TouchAsync(now, cancellationToken) == 0)
                    {
                        throw;
                    }
                }
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return HealthCheckResult.Unhealthy("Database menolak penulisan.", e);
        }
    }

    private Task<int> TouchAsync(DateTime now, CancellationToken cancellationToken) =>
        db.HealthProbes.Where(p => p.Node == Node).ExecuteUpdateAsync(p => p.SetProperty(x => x.CheckedAt, now), cancellationToken);
}
