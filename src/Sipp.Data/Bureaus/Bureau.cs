using Sipp.Data.Accounts;

namespace Sipp.Data.Bureaus;

/// <summary>
/// A payroll bureau (biro): a company registered with BPJS that files for client companies with its own staff's
/// accounts, through the access its clients grant it (<see cref="BureauGrant"/>). Clients find it by <see cref="Code"/>.
/// </summary>
public class Bureau
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>"BIRO-" and eight characters: what the bureau tells its clients, who enter it on "Akses Biro".</summary>
    public required string Code { get; set; }

    /// <summary>The bureau's own company (its registration with BPJS); its staff are members of it.</summary>
    public Guid CompanyId { get; set; }

    public Companies.Company Company { get; set; } = null!;

    public DateTime CreatedAt { get; set; }

    public List<BureauStaff> Staff { get; set; } = [];

    /// <summary>How a bureau is named beside a person: "Biro" and its name, unless its name already says so.</summary>
    public static string Label(string name) => name.StartsWith("Biro ", StringComparison.OrdinalIgnoreCase) ? name : "Biro " + name;
}

/// <summary>A person of the bureau acting for its clients with their own account (password and OTP).</summary>
public class BureauStaff
{
    public Guid Id { get; set; }

    public Guid BureauId { get; set; }

    public Bureau Bureau { get; set; } = null!;

    public Guid UserId { get; set; }

    public AppUser User { get; set; } = null!;

    /// <summary>Manages the bureau's staff and accepts or declines its clients' grants.</summary>
    public bool IsBureauAdmin { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
