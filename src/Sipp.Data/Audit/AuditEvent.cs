namespace Sipp.Data.Audit;

/// <summary>An append-only record of a change or a security event.</summary>
public class AuditEvent
{
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public Guid? ActorUserId { get; set; }

    public string? ActorName { get; set; }

    public Guid? DivisionId { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>What happened, e.g. "login.gagal", "tenagaKerja.ubah".</summary>
    public required string Action { get; set; }

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>JSON of the values before the change.</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the values after the change.</summary>
    public string? After { get; set; }
}
