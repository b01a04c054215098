using Sipp.Domain.Workers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
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
using Sipp.Web.Features.Accounts.Register;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.AddCompany;

/// <summary>
/// "Tambah Perusahaan": another NPP + division for the same account. The user's own KPJ must be an active worker there;
/// an OTP to the user's phone confirms.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class IndexModel(UserManager<AppUser> users, RegistrationWizard wizard, SippDbContext db, OtpService otp, Outbox outbox, IOptions<SecurityOptions> security)
    : PageModel
{
    public const string NotEmployed = "Anda tidak terdaftar sebagai tenaga kerja aktif pada NPP dan divisi tersebut, atau datanya tidak ditemukan.";

    [BindProperty]
    public string? Npp { get; set; }

    [BindProperty]
    public string? Divisi { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!Sipp.Domain.Identifiers.Npp.TryParse(Npp, out var npp, out var nppError))
        {
            ModelState.AddModelError(nameof(Npp), nppError);
        }

        if (!DivisionCode.TryParse(Divisi, out var division, out var divisionError))
        {
            ModelState.AddModelError(nameof(Divisi), divisionError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var company = await wizard.FindCompanyAsync(npp.Value, division.Value, cancellationToken);
        var employed = company is not null && user.ParticipantId is { } participantId && await db.Employments.AcrossDivisions().AnyAsync(
            e => e.DivisionId == company.DivisionId && e.ParticipantId == participantId && e.Status == EmploymentStatus.Aktif, cancellationToken);
        if (!employed)
        {
            ModelState.AddModelError(string.Empty, NotEmployed);
            return Page();
        }

        if (await db.Memberships.AcrossDivisions().AnyAsync(m => m.UserId == user.Id && m.DivisionId == company!.DivisionId, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, "Perusahaan dan divisi ini sudah ada di akun Anda. Bila dinonaktifkan, hubungi Admin perusahaan.");
            return Page();
        }

        if (user.PhoneNumber is null)
        {
            ModelState.AddModelError(string.Empty, "Akun Anda belum memiliki nomor handphone untuk kode OTP.");
            return Page();
        }

        var challenge = OtpChallenge.New(OtpPurpose.AddCompany, user.Id, company!.DivisionId);
        var sent = await otp.SendAsync(OtpPurpose.AddCompany, challenge.Id, user.Id, user.PhoneNumber, cancellationToken);
        if (sent.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }

        OtpMessages.SendVerificationCode(outbox, user.PhoneNumber, sent.Code!, security.Value.Otp.Lifetime, "tambah perusahaan");
        await db.SaveChangesAsync(cancellationToken);
        await challenge.SaveAsync(HttpContext);
        return RedirectToPage("Verify");
    }
}
