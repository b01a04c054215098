using Sipp.Domain;
using Microsoft.AspNetCore.Identity;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.ResetPassword;

/// <summary>The reset link used: from the link, the new password and its repetition (refusals keyed by the form's names).</summary>
public sealed record NewPassword(Guid UserId, string? Token, string? PasswordBaru, string? UlangiPasswordBaru);

/// <summary>
/// A new password through the reset link: checked against the policy before the single-use link is used up; it lifts a
/// lockout and ends every session of the account at once.
/// </summary>
public sealed class PasswordReset(UserManager<AppUser> users, SippDbContext db, AuditLog audit)
{
    public static string InvalidLink => Wording.Of("Tautan tidak valid, sudah digunakan, atau sudah kedaluwarsa. Minta tautan baru melalui Lupa Password.");

    public async Task<Refusal?> ResetAsync(NewPassword input, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(input.UserId.ToString());
        if (user is null || string.IsNullOrEmpty(input.Token))
        {
            return Refusal.Of(InvalidLink, RefusalKind.NotFound);
        }

        if (string.IsNullOrEmpty(input.PasswordBaru) || input.PasswordBaru != input.UlangiPasswordBaru)
        {
            return Refusal.Field(nameof(NewPassword.UlangiPasswordBaru), Wording.Of("Ulangi Password Baru harus sama dengan Password Baru."));
        }

        // Check the policy first, so that a weak password does not use up the single-use link.
        var errors = new FieldErrors();
        foreach (var validator in users.PasswordValidators)
        {
            foreach (var error in (await validator.ValidateAsync(users, user, input.PasswordBaru)).Errors)
            {
                errors.Add(nameof(NewPassword.PasswordBaru), error.Description);
            }
        }

        if (errors.Refusal is { } weak)
        {
            return weak;
        }

        if (!(await users.ResetPasswordAsync(user, input.Token, input.PasswordBaru)).Succeeded)
        {
            return Refusal.Of(InvalidLink, RefusalKind.Unprocessable);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await ServerSessions.EndAllAsync(db, user.Id, cancellationToken); // a new password ends every session at once
        audit.Record("password.reset", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
