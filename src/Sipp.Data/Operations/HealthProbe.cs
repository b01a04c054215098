namespace Sipp.Data.Operations;

/// <summary>
/// One row per node, rewritten by /health/ready: a database that answers but refuses writes (read-only, disk full) is
/// not ready to serve.
/// </summary>
public class HealthProbe
{
    public required string Node { get; set; }

    public DateTime CheckedAt { get; set; }
}
