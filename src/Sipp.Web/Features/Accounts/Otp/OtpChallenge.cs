using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Otp;

/// <summary>
/// A login, registration or "Tambah Perusahaan" waiting for its OTP, carried by the short-lived, encrypted
/// verification cookie (so it belongs to this browser).
/// </summary>
public sealed record OtpChallenge(Guid Id, OtpPurpose Purpose, Guid SubjectId, Guid? TargetId = null)
{
    private const string IdClaim = "sipp:tantangan";
    private const string PurposeClaim = "sipp:tujuan";
    private const string SubjectClaim = "sipp:subjek";
    private const string TargetClaim = "sipp:sasaran";

    /// <param name="targetId">What the challenge is about beyond its subject, e.g. the division of "Tambah Perusahaan".</param>
    public static OtpChallenge New(OtpPurpose purpose, Guid subjectId, Guid? targetId = null) => new(Guid.NewGuid(), purpose, subjectId, targetId);

    public Task SaveAsync(HttpContext context)
    {
        var identity = new ClaimsIdentity(
            [new Claim(IdClaim, Id.ToString()), new Claim(PurposeClaim, Purpose.ToString()), new Claim(SubjectClaim, SubjectId.ToString())],
            AuthenticationSetup.ChallengeScheme);
        if (TargetId is { } target)
        {
            identity.AddClaim(new Claim(TargetClaim, target.ToString()));
        }

        return context.SignInAsync(AuthenticationSetup.ChallengeScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The challenge of this browser for the purpose, or null when there is none (or it expired).</summary>
    public static async Task<OtpChallenge?> ReadAsync(HttpContext context, OtpPurpose purpose)
    {
        var result = await context.AuthenticateAsync(AuthenticationSetup.ChallengeScheme);
        var principal = result.Principal;
        if (!result.Succeeded || principal is null
            || !Guid.TryParse(principal.FindFirstValue(IdClaim), out var id)
            || !Enum.TryParse<OtpPurpose>(principal.FindFirstValue(PurposeClaim), out var storedPurpose)
            || storedPurpose != purpose
            || !Guid.TryParse(principal.FindFirstValue(SubjectClaim), out var subject))
        {
            return null;
        }

        return new OtpChallenge(id, purpose, subject, Guid.TryParse(principal.FindFirstValue(TargetClaim), out var target) ? target : null);
    }

    public static Task ClearAsync(HttpContext context) => context.SignOutAsync(AuthenticationSetup.ChallengeScheme);
}
