using Sipp.Domain.Workers;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Workers;
using Sipp.Domain.Identifiers;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>
/// "Daftar", step 3 — Data User KPJ: the KPJ must be an active worker of the division, with the same name (case and
/// spacing ignored) and birth date. Whatever does not match, the message is the same.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class KpjModel(RegistrationWizard wizard, SippDbContext db, OtpService otp, Outbox outbox, IOptions<SecurityOptions> security) : PageModel
{
    public const string NoMatch = "Data KPJ tidak cocok dengan tenaga kerja aktif perusahaan ini. Periksa Nomor Peserta, Nama Lengkap dan Tanggal Lahir.";

    [BindProperty]
    public string? Kpj { get; set; }

    [BindProperty]
    public string? NamaLengkap { get; set; }

    [BindProperty]
    public string? TanggalLahir { get; set; }

    [BindProperty]
    public string? NomorHandphone { get; set; }

    public RegistrationCompany Company { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await wizard.LoadAsync(HttpContext, cancellationToken) is not { Registration.Email: not null } current)
        {
            return RedirectToPage("Index", new { Status = "kedaluwarsa" });
        }

        Company = current.Company;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await wizard.LoadAsync(HttpContext, cancellationToken) is not { Registration.Email: not null } current)
        {
            return RedirectToPage("Index", new { Status = "kedaluwarsa" });
        }

        Company = current.Company;
        if (!Sipp.Domain.Identifiers.Kpj.TryParse(Kpj, out var kpj, out var kpjError))
        {
            ModelState.AddModelError(nameof(Kpj), kpjError);
        }

        if (!PersonName.TryParse(NamaLengkap, out var name, out var nameError, "Nama Lengkap"))
        {
            ModelState.AddModelError(nameof(NamaLengkap), nameError);
        }

        if (!DateOnly.TryParseExact(TanggalLahir, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            ModelState.AddModelError(nameof(TanggalLahir), "Tanggal Lahir wajib diisi dengan tanggal yang valid.");
        }

        if (!PhoneNumber.TryParse(NomorHandphone, out var phone, out var phoneError))
        {
            ModelState.AddModelError(nameof(NomorHandphone), phoneError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Before the account exists: the division the registrant named, checked against the worker they claim to be.
        var candidate = await db.Employments.AsNoTracking().AcrossDivisions()
            .Where(e => e.DivisionId == current.Registration.DivisionId && e.Status == EmploymentStatus.Aktif && e.Participant.Kpj == kpj.Value)
            .Select(e => new { e.ParticipantId, e.Participant.FullName, e.Participant.BirthDate })
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null || candidate.BirthDate != birthDate || !PersonName.SameName(candidate.FullName, name.Value))
        {
            ModelState.AddModelError(string.Empty, NoMatch);
            return Page();
        }

        var registration = current.Registration;
        var sent = await otp.SendAsync(OtpPurpose.Registration, registration.Id, registration.Id, phone.Value, cancellationToken);
        if (sent.Refusal is { } refusal)
        {
            // Re-posting this step is a resend: the same limits hold, and the number already given stays.
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }

        registration.ParticipantId = candidate.ParticipantId;
        registration.Phone = phone.Value;
        OtpMessages.SendVerificationCode(outbox, phone.Value, sent.Code!, security.Value.Otp.Lifetime, "pendaftaran");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Verify");
    }
}
