using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sipp.Data.Accounts;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>Puts the person's name in the session, so that pages greet "Budi Santoso", not an email address.</summary>
public sealed class SippClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string FullNameClaim = "sipp:nama";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        return identity;
    }
}

public static class SignedInPerson
{
    /// <summary>The signed-in person's name, or their email for a session made before names were kept in it.</summary>
    public static string? DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(SippClaimsFactory.FullNameClaim) ?? user.Identity?.Name;
}
