using Sipp.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Messaging;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.ForgotPassword;

/// <summary>
/// "Lupa Password": a single-use reset link by email, valid one hour, to an active account. The caller's answer is the
/// same for any well-formed email, registered or not.
/// </summary>
public sealed class ResetLinkRequest(UserManager<AppUser> users, SippDbContext db, Outbox outbox, AuditLog audit, IOptions<SecurityOptions> security)
{
    public const string EmailField = "Email";

    /// <summary><paramref name="resetLink"/> builds the link from the user's id and the token.</summary>
    public async Task<Refusal?> RequestAsync(string? typedEmail, Func<Guid, string, string> resetLink, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryParse(typedEmail, out var email, out var error))
        {
            return Refusal.Field(EmailField, error);
        }

        var user = await users.FindByEmailAsync(email.Value);
        if (user is { IsActive: true, EmailConfirmed: true })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var hours = (int)security.Value.PasswordResetLinkLifetime.TotalHours;
            // In the account owner's language: whoever typed the address need not be the owner.
            Wording.In(user.Language, () => outbox.Email(user.Email!, Wording.Of("Atur ulang password Sipp"), Outbox.Paragraphs(
                Wording.Of("Kami menerima permintaan untuk mengatur ulang password akun Sipp Anda."),
                Wording.Of($"Buka tautan ini dalam {hours} jam untuk membuat password baru (hanya dapat dipakai sekali):") + "\n" + resetLink(user.Id, token),
                Wording.Of("Bila Anda tidak meminta ini, abaikan email ini; password Anda tidak berubah.")), MessagePriority.Urgent));
            audit.Record("password.lupa", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email);
            await db.SaveChangesAsync(cancellationToken);
        }

        return null;
    }
}
