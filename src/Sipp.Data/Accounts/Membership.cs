using Sipp.Data.Companies;

namespace Sipp.Data.Accounts;

/// <summary>A user's role in one company division.</summary>
public class Membership
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public AppUser User { get; set; } = null!;

    public Guid DivisionId { get; set; }

    public Division Division { get; set; } = null!;

    public MembershipRole Role { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

public enum MembershipRole
{
    Admin = 1,
    Operator = 2,
    Pemantau = 3,

    /// <summary>Sees what a Pemantau sees and approves or rejects the finalisations others ask for.</summary>
    Penyetuju = 4,
}
