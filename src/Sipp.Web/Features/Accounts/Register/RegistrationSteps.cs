using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>Step 3 as typed: the KPJ the registrant claims, with their name, birth date and phone for the OTP.</summary>
public sealed record KpjClaim(string? Kpj, string? NamaLengkap, string? TanggalLahir, string? NomorHandphone);

/// <summary>
/// "Daftar": the steps of a registration kept as a <see cref="PendingRegistration"/> (one hour) — the company, the login,
/// the KPJ with the phone's OTP, and the code; then <see cref="RegistrationCompletion"/>. Refusals are keyed by the
/// forms' names; whatever part of a KPJ claim does not match, the message is the same.
/// </summary>
public sealed class RegistrationSteps(
    RegistrationWizard wizard, RegistrationCompletion completion, UserManager<AppUser> users, SippDbContext db, OtpService otp, Outbox outbox,
    AuditLog audit, TimeProvider clock, IOptions<SecurityOptions> security)
{
    public static string NoMatch => Wording.Of("Data KPJ tidak cocok dengan tenaga kerja aktif perusahaan ini. Periksa Nomor Peserta, Nama Lengkap dan Tanggal Lahir.");

    /// <summary>Step 1, "Data Perusahaan": NPP and division; the registration whose id the browser keeps.</summary>
    public async Task<Result<PendingRegistration>> StartAsync(string? typedNpp, string? typedDivision, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (RegistrationWizard.ParseCompany(typedNpp, typedDivision, errors) is not var (npp, division))
        {
            return errors.Refusal!;
        }

        if (await wizard.FindCompanyAsync(npp, division, cancellationToken) is not { } company)
        {
            return Refusal.Field("Npp", Wording.Of("NPP dan divisi tersebut tidak ditemukan. Periksa kembali atau hubungi Kantor Cabang BPJS Ketenagakerjaan."), RefusalKind.NotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var registration = new PendingRegistration { Id = Guid.NewGuid(), DivisionId = company.DivisionId, CreatedAt = now, ExpiresAt = now + RegistrationWizard.Lifetime };
        db.PendingRegistrations.Add(registration);
        await db.SaveChangesAsync(cancellationToken);
        return registration;
    }

    /// <summary>Step 2, "Data User Login": email and password, kept only as Identity's hash.</summary>
    public async Task<Refusal?> SetLoginAsync(PendingRegistration registration, string? typedEmail, string? password, string? repeated, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!EmailAddress.TryParse(typedEmail, out var email, out var emailError))
        {
            errors.Add("Email", emailError);
        }
        else if (string.IsNullOrEmpty(password))
        {
            errors.Add("Password", Wording.Of("Password wajib diisi."));
        }
        else
        {
            var candidate = new AppUser { FullName = "-", Email = email.Value, UserName = email.Value };
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, candidate, password)).Errors)
                {
                    errors.Add("Password", error.Description);
                }
            }

            if (password != repeated)
            {
                errors.Add("UlangiPassword", Wording.Of("Ulangi Password harus sama dengan Password."));
            }
        }

        if (errors.Refusal is { } invalid)
        {
            return invalid;
        }

        // Whether the email is already registered is not checked here: the answer would reveal it.
        registration.Email = email.Value;
        registration.PasswordHash = users.PasswordHasher.HashPassword(new AppUser { FullName = "-", Email = email.Value }, password!);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Step 3, "Data User KPJ": an active worker of the division with that name and birth date; the code goes to the phone.</summary>
    public async Task<Refusal?> ClaimKpjAsync(PendingRegistration registration, KpjClaim claim, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!Kpj.TryParse(claim.Kpj, out var kpj, out var kpjError))
        {
            errors.Add(nameof(KpjClaim.Kpj), kpjError);
        }

        if (!PersonName.TryParse(claim.NamaLengkap, out var name, out var nameError, "Nama Lengkap"))
        {
            errors.Add(nameof(KpjClaim.NamaLengkap), nameError);
        }

        if (!Sipp.Domain.Periods.TypedDate.TryParse(claim.TanggalLahir, out var birthDate))
        {
            errors.Add(nameof(KpjClaim.TanggalLahir), Wording.Of("Tanggal Lahir wajib diisi dengan tanggal yang valid."));
        }

        if (!PhoneNumber.TryParse(claim.NomorHandphone, out var phone, out var phoneError))
        {
            errors.Add(nameof(KpjClaim.NomorHandphone), phoneError);
        }

        if (errors.Refusal is { } invalid)
        {
            return invalid;
        }

        // Before the account exists: the division the registrant named, checked against the worker they claim to be.
        var candidate = await db.Employments.AsNoTracking().AcrossDivisions()
            .Where(e => e.DivisionId == registration.DivisionId && e.Status == EmploymentStatus.Aktif && e.Participant.Kpj == kpj.Value)
            .Select(e => new { e.ParticipantId, e.Participant.FullName, e.Participant.BirthDate })
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null || candidate.BirthDate != birthDate || !PersonName.SameName(candidate.FullName, name.Value))
        {
            return Refusal.Of(NoMatch, RefusalKind.Unprocessable);
        }

        // Re-posting this step is a resend: the same limits hold, and the number already given stays.
        var sent = await otp.SendAsync(OtpPurpose.Registration, registration.Id, registration.Id, phone.Value, cancellationToken);
        if (sent.Refusal is { } refusal)
        {
            return Refusal.Of(refusal, RefusalKind.Conflict);
        }

        registration.ParticipantId = candidate.ParticipantId;
        registration.Phone = phone.Value;
        OtpMessages.SendVerificationCode(outbox, phone.Value, sent.Code!, security.Value.Otp.Lifetime, Wording.Of("pendaftaran"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Step 4, "Verifikasi Nomor Handphone": the code; then the account waits for its activation link.</summary>
    public async Task<Refusal?> VerifyAsync(PendingRegistration registration, string? code, Func<Guid, string, string> activationLink, CancellationToken cancellationToken)
    {
        var check = await otp.VerifyAsync(registration.Id, code, cancellationToken);
        if (!check.Succeeded)
        {
            audit.Record("otp.gagal", "Pendaftaran", registration.Id.ToString(), registration.DivisionId, actorName: registration.Email, after: new { tujuan = "pendaftaran" });
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.Field(OtpFormModel.CodeField, check.Error!);
        }

        await completion.CompleteAsync(registration, activationLink, cancellationToken);
        return null;
    }

    /// <summary>"Kirim ulang" of step 4: a new code to the phone given, within the limits.</summary>
    public async Task<Refusal?> ResendCodeAsync(PendingRegistration registration, CancellationToken cancellationToken)
    {
        var sent = await otp.SendAsync(OtpPurpose.Registration, registration.Id, registration.Id, registration.Phone!, cancellationToken);
        if (sent.Refusal is { } refusal)
        {
            return Refusal.Of(refusal, RefusalKind.Conflict);
        }

        OtpMessages.SendVerificationCode(outbox, registration.Phone!, sent.Code!, security.Value.Otp.Lifetime, Wording.Of("pendaftaran"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
