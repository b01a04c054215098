using Sipp.Data.Accounts;

namespace Sipp.Data.Bureaus;

/// <summary>
/// A company Admin's grant of one division to a bureau ("Akses Biro"): with a role and an end date, usable by every
/// active staff member of the bureau once the bureau has accepted it, until it ends or is revoked. Checked on every
/// request (<c>CurrentCompany</c>), so a revocation takes effect at the next one.
/// </summary>
public class BureauGrant
{
    public Guid Id { get; set; }

    public Guid BureauId { get; set; }

    public Bureau Bureau { get; set; } = null!;

    public Guid DivisionId { get; set; }

    public Companies.Division Division { get; set; } = null!;

    /// <summary>Operator, Pemantau or Penyetuju: never Admin (a bureau does not manage its client's users).</summary>
    public MembershipRole Role { get; set; }

    /// <summary>The last day (Jakarta) the grant may be used.</summary>
    public DateOnly EndsOn { get; set; }

    public BureauGrantStatus Status { get; set; }

    public Guid GrantedByUserId { get; set; }

    public required string GrantedByName { get; set; }

    public DateTime GrantedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public DateTime? DecidedAt { get; set; }

    public Guid? RevokedByUserId { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsUsableOn(DateOnly today) => Status == BureauGrantStatus.Aktif && today <= EndsOn;
}

public enum BureauGrantStatus
{
    /// <summary>Granted, waiting for the bureau to accept.</summary>
    Menunggu = 1,
    Aktif = 2,
    Ditolak = 3,
    Dicabut = 4,
}
