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
            if (await db.HealthProbes.Where(p => p.Node == Node).ExecuteUpdateAsync(p => p.SetProperty(x => x.CheckedAt, now), cancellationToken) == 0)
            {
                db.HealthProbes.Add(new HealthProbe { Node = Node, CheckedAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return HealthCheckResult.Unhealthy("Database menolak penulisan.", e);
        }
    }
}
