namespace Sipp.Web.Features.Workers;

/// <summary>How a worker's events are named in the audit trail: every use case that changes a worker writes under it.</summary>
public static class WorkerAudit
{
    public const string Entity = "TenagaKerja";
}
