using Sipp.Data.Companies;
using Sipp.Domain.People;
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

    /// <summary>Nomor Pegawai: the employer's own number for the worker, unique among the division's current workers.</summary>
    public string? EmployeeNumber { get; set; }

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

    // What this employer entered about the person: seen and changed by this employer only (docs/adr/0011).

    public string? BirthPlace { get; set; }

    /// <summary>Nama Ibu Kandung: the registry's verification secret, shown to the officer who verifies this employment.</summary>
    public string? MotherMaidenName { get; set; }

    public MaritalStatus MaritalStatus { get; set; }

    public string? Address { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>+628… form.</summary>
    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Npwp { get; set; }

    // Copies for the worker list, so that it filters and sorts within this table on division-first indexes.
    // SippDbContext keeps them in step with the participant and the wage history on every save.

    /// <summary>The participant's upper-case name.</summary>
    public string SortName { get; set; } = string.Empty;

    /// <summary>The participant's KPJ (null until issued).</summary>
    public string? SearchKpj { get; set; }

    /// <summary>The participant's NIK, or passport number for a foreign worker.</summary>
    public string? SearchNik { get; set; }

    /// <summary>The wage of the latest change in the history (the list's wage sort).</summary>
    public long? LatestUpah { get; set; }
}
