namespace Sipp.Data.Companies;

/// <summary>A division (divisi / unit kerja) of a company: the unit a company user works in and contributions are billed to.</summary>
public class Division
{
    public Guid Id { get; set; }

    public Guid CompanyId { get; set; }

    public Company Company { get; set; } = null!;

    /// <summary>3 digits; 000 is the head office.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The BPJS branch office (Kantor Cabang) serving this division.</summary>
    public required string BranchOffice { get; set; }

    public string? Address { get; set; }

    /// <summary>Regency/city code for the regional minimum wage (UMK), when known.</summary>
    public string? RegionCode { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>"Finalisasi perlu persetujuan": Finalisasi and Batal Finalisasi become requests a second person approves.</summary>
    public bool FinalizationNeedsApproval { get; set; }
}
