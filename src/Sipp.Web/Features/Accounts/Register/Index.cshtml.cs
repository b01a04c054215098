using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>"Daftar", step 1 — Data Perusahaan: NPP and division; the company name and branch office are shown read-only.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class IndexModel(RegistrationWizard wizard, SippDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Npp { get; set; }

    [BindProperty]
    public string? Divisi { get; set; }

    public RegistrationCompany? Company { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await wizard.LoadAsync(HttpContext, cancellationToken) is { } current)
        {
            Company = current.Company;
            Npp = Company.Npp;
            Divisi = Company.DivisionCode;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
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

        Company = await wizard.FindCompanyAsync(npp.Value, division.Value, cancellationToken);
        if (Company is null)
        {
            ModelState.AddModelError(nameof(Npp), "NPP dan divisi tersebut tidak ditemukan. Periksa kembali atau hubungi Kantor Cabang BPJS Ketenagakerjaan.");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var registration = new PendingRegistration { Id = Guid.NewGuid(), DivisionId = Company.DivisionId, CreatedAt = now, ExpiresAt = now + RegistrationWizard.Lifetime };
        db.PendingRegistrations.Add(registration);
        await db.SaveChangesAsync(cancellationToken);
        await OtpChallenge.New(OtpPurpose.Registration, registration.Id).SaveAsync(HttpContext);
        return RedirectToPage("Account");
    }
}
