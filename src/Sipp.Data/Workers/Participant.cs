using Sipp.Domain.Workers;
using Sipp.Domain.People;

namespace Sipp.Data.Workers;

/// <summary>
/// A person in the participant registry. Has a KPJ once a BPJS officer approved them. One person may be employed
/// by several companies (see <see cref="Employment"/>).
/// </summary>
public class Participant
{
    public Guid Id { get; set; }

    /// <summary>KPJ, 11 digits; null while waiting for verification.</summary>
    public string? Kpj { get; set; }

    /// <summary>NIK, 16 digits; null for foreign workers.</summary>
    public string? Nik { get; set; }

    public string? PassportNumber { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country of a foreign worker.</summary>
    public string? CountryCode { get; set; }

    public required string FullName { get; set; }

    /// <summary>Upper-case, single-spaced name for case-insensitive search and matching.</summary>
    public required string NameNormalized { get; set; }

    public string? BirthPlace { get; set; }

    public DateOnly BirthDate { get; set; }

    public Sex Sex { get; set; }

    public string? MotherMaidenName { get; set; }

    public Citizenship Citizenship { get; set; }

    public MaritalStatus MaritalStatus { get; set; }

    public string? Address { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>+628… form.</summary>
    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Npwp { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Employment> Employments { get; set; } = [];
}
