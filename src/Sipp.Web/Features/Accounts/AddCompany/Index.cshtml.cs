using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.AddCompany;

/// <summary>"Tambah Perusahaan": NPP and division sent to <see cref="CompanyJoining"/>; its OTP challenge is kept for the next step.</summary>
[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(RateLimiting.RegistrationPolicy)]
public sealed class IndexModel(UserManager<AppUser> users, CompanyJoining joining) : PageModel
{
    [BindProperty]
    public string? Npp { get; set; }

    [BindProperty]
    public string? Divisi { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var result = await joining.RequestAsync(user, Npp, Divisi, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            refusal.AddTo(ModelState);
            return Page();
        }

        await result.Value!.SaveAsync(HttpContext);
        return RedirectToPage("Verify");
    }
}
