using Microsoft.AspNetCore.Identity;

namespace Sipp.Data.Accounts;

/// <summary>A login: a company user (identified by their own KPJ), a BPJS officer or an administrator.</summary>
public class AppUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }

    /// <summary>The participant record of a company user (their own KPJ); null for officers and administrators.</summary>
    public Guid? ParticipantId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    /// <summary>The division chosen last: the next login opens it (still a membership), Pilih Perusahaan one click away.</summary>
    public Guid? LastDivisionId { get; set; }

    /// <summary>"id" or "en": the language chosen last, for messages written when the person is not at the screen (reminders, emails to the account's owner).</summary>
    public string Language { get; set; } = "id";

    public List<Membership> Memberships { get; set; } = [];
}
