using Sipp.Data.Companies;
using Sipp.Domain.Workers;

namespace Sipp.Data.Workers;

/// <summary>A participant working in a company division: the "worker" (tenaga kerja) of that division.</summary>
public class Employment
{
    public Guid Id { get; set; }

    public Guid ParticipantId { get; set; }

    public Participant Participant { get; set; } = null!;

    public Guid DivisionId { get; set; }

    public Division Division { get; set; } = null!;

    public EmploymentStatus Status { get; set; }

    public EmploymentType EmploymentType { get; set; }

    /// <summary>Tanggal Mulai Kerja.</summary>
    public DateOnly WorkStartDate { get; set; }

    /// <summary>Tanggal Akhir Kontrak (PKWT only).</summary>
    public DateOnly? ContractEndDate { get; set; }

    /// <summary>Tanggal Mulai Kepesertaan: from this date the worker contributes.</summary>
    public DateOnly MembershipStartDate { get; set; }

    /// <summary>Tanggal Non Aktif.</summary>
    public DateOnly? EndDate { get; set; }

    public EndReason? EndReason { get; set; }

    /// <summary>Free text when the reason is "Lainnya".</summary>
    public string? EndReasonText { get; set; }

    /// <summary>The officer's reason when rejected (Ditolak).</summary>
    public string? RejectionReason { get; set; }

    /// <summary>When the worker was registered, for JKP eligibility (age at registration).</summary>
    public DateOnly RegisteredOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public List<WageChange> WageHistory { get; set; } = [];
}
