namespace Sipp.Data.Audit;

/// <summary>
/// Audit events of one calendar month (UTC) moved out of <see cref="AuditEvent"/> once they are older than the online
/// window: gzip-compressed JSON Lines, one event per line, in id order. A month of many events is kept in parts.
/// Nothing is removed from the trail; it only stops being read by the pages.
/// </summary>
public class AuditArchive
{
    public long Id { get; set; }

    /// <summary>"yyyy-MM" of the events' <see cref="AuditEvent.OccurredAt"/>.</summary>
    public required string Month { get; set; }

    public int Part { get; set; }

    public int EventCount { get; set; }

    public long FirstEventId { get; set; }

    public long LastEventId { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/> in hex, so a copy taken out of the database can be checked.</summary>
    public required string Sha256 { get; set; }

    public DateTime ArchivedAt { get; set; }
}
