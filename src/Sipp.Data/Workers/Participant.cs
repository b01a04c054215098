using Sipp.Domain.Workers;
using Sipp.Domain.People;

namespace Sipp.Data.Workers;

/// <summary>
/// A person in the participant registry: only the identity facts every employer of the person shares (docs/adr/0011).
/// Has a KPJ once a BPJS officer approved them. One person may be employed by several companies; what each employer
/// entered about the person (address, phone, mother's maiden name…) is kept on its <see cref="Employment"/>.
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

    public DateOnly BirthDate { get; set; }

    public Sex Sex { get; set; }

    public Citizenship Citizenship { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Employment> Employments { get; set; } = [];
}
