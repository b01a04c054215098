using Sipp.Domain.Periods;

namespace Sipp.Data.Contributions;

/// <summary>
/// "Persetujuan": a Finalisasi or Batal Finalisasi asked for in a division that requires approval ("Finalisasi perlu
/// persetujuan"). It acts only when a second person with the approving role approves it, and only on the period as it
/// was asked for (<see cref="PeriodVersion"/>). One request waits per period at a time (a filtered unique index), and
/// the approval is claimed by a conditional update, so two approvers at once yield one bill.
/// </summary>
public class FinalizationRequest
{
    /// <summary>Version 7: ordered by creation, which breaks ties of <see cref="RequestedAt"/>.</summary>
    public Guid Id { get; set; }

    public Guid DivisionId { get; set; }

    public Guid PeriodId { get; set; }

    public ContributionPeriod ContributionPeriod { get; set; } = null!;

    public Period Period { get; set; }

    public FinalizationRequestKind Kind { get; set; }

    /// <summary>The Channel Pembayaran of a Finalisasi.</summary>
    public string? Channel { get; set; }

    /// <summary>The period's version when asked: an approval of a period changed since is refused.</summary>
    public Guid PeriodVersion { get; set; }

    public FinalizationRequestStatus Status { get; set; }

    /// <summary>The maker: the signed-in person, or the creator of the API client that asked.</summary>
    public Guid RequestedByUserId { get; set; }

    public required string RequestedByName { get; set; }

    public DateTime RequestedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Why it was rejected (required then), or a note with an approval.</summary>
    public string? Reason { get; set; }
}

public enum FinalizationRequestKind
{
    Finalisasi = 1,
    BatalFinalisasi = 2,
}

public enum FinalizationRequestStatus
{
    Menunggu = 1,
    Disetujui = 2,
    Ditolak = 3,

    /// <summary>The period changed after the request (recomputed, corrected, finalised otherwise): it can no longer act.</summary>
    Usang = 4,

    /// <summary>Withdrawn by its maker before anyone decided.</summary>
    Ditarik = 5,
}
