using Sipp.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Messaging;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>
/// After the phone is verified: a new account waiting for activation and its activation email — or, when the email or
/// the KPJ already has an account, an explanatory email instead. The page says the same in every case.
/// </summary>
public sealed class RegistrationCompletion(
    SippDbContext db, UserManager<AppUser> users, Outbox outbox, AuditLog audit, TimeProvider clock, IOptions<SecurityOptions> security)
{
    public async Task CompleteAsync(PendingRegistration registration, Func<Guid, string, string> activationLink, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        registration.CompletedAt = now;
        var email = registration.Email!;
        var existing = await users.FindByEmailAsync(email);
        var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == registration.ParticipantId, cancellationToken);
        var accountOfKpj = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.ParticipantId == participant.Id, cancellationToken);

        if (existing is not null)
        {
            // Written in the language of the account's owner, who is not necessarily the person registering.
            Wording.In(existing.Language, () => outbox.Email(email, Wording.Of("Pendaftaran Sipp"), Outbox.Paragraphs(
                Wording.Of("Ada permintaan pendaftaran akun Sipp dengan alamat email ini, padahal email ini sudah terdaftar."),
                Wording.Of("Bila itu Anda, silakan masuk dengan akun yang ada, atau gunakan \"Lupa Password\" bila lupa password. Untuk menambahkan perusahaan lain ke akun Anda, gunakan menu \"Tambah Perusahaan\" setelah masuk."),
                Wording.Of("Bila bukan Anda, abaikan email ini.")), MessagePriority.Urgent));
            audit.Record("pendaftaran.emailSudahAda", "Pengguna", existing.Id.ToString(), registration.DivisionId, actorName: email);
        }
        else if (accountOfKpj is not null)
        {
            outbox.Email(email, Wording.Of("Pendaftaran Sipp"), Outbox.Paragraphs(
                Wording.Of($"KPJ {participant.Kpj} sudah memiliki akun Sipp dengan email {Masking.Email(accountOfKpj.Email!)}."),
                Wording.Of("Satu tenaga kerja memiliki satu akun. Masuk dengan akun tersebut (gunakan \"Lupa Password\" bila perlu), lalu gunakan \"Tambah Perusahaan\" untuk perusahaan lain.")),
                MessagePriority.Urgent);
            audit.Record("pendaftaran.kpjSudahAda", "Pengguna", accountOfKpj.Id.ToString(), registration.DivisionId, actorName: email);
        }
        else
        {
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = false, FullName = participant.FullName,
                PhoneNumber = registration.Phone, PhoneNumberConfirmed = true, ParticipantId = participant.Id, CreatedAt = now,
                PasswordHash = registration.PasswordHash, Language = Wording.CurrentLanguage,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Akun tidak dapat dibuat: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            // Active (and Admin if first) only once the email is confirmed, so an abandoned registration never takes the Admin seat.
            db.Memberships.Add(new Membership { UserId = user.Id, DivisionId = registration.DivisionId, Role = MembershipRole.Pemantau, IsActive = false, CreatedAt = now });
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            var hours = (int)security.Value.ActivationLinkLifetime.TotalHours;
            outbox.Email(email, Wording.Of("Aktivasi akun Sipp"), Outbox.Paragraphs(
                Wording.Of($"Selamat datang di Sipp, {participant.FullName}."),
                Wording.Of($"Buka tautan berikut dalam {hours} jam untuk mengaktifkan akun Anda (hanya dapat dipakai sekali):") + "\n" + activationLink(user.Id, token),
                Wording.Of("Bila Anda tidak mendaftar, abaikan email ini.")), MessagePriority.Urgent);
            audit.Record("pendaftaran.selesai", "Pengguna", user.Id.ToString(), registration.DivisionId, actorUserId: user.Id, actorName: email,
                after: new { email, kpj = participant.Kpj });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
