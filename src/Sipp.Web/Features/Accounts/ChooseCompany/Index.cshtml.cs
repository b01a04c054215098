using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.ChooseCompany;

/// <summary>"Pilih Perusahaan": the company divisions of the user; choosing one puts it in the session.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(DivisionAccess access, DivisionChoice choice) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<CompanyChoice> Choices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Choices = await ChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid divisionId, CancellationToken cancellationToken)
    {
        switch (await choice.ChooseAsync(User, divisionId, cancellationToken))
        {
            case { Kind: RefusalKind.Unauthenticated }:
                return Challenge();
            case { }:
                return Forbid();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task<IReadOnlyList<CompanyChoice>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var current = User.FindFirstValue(CurrentCompany.DivisionClaim);
        var choices = (await access.ListAsync(userId, r => true, cancellationToken))
            .Select(r => new CompanyChoice(r.DivisionId, r.Npp, r.DivisionCode, r.DivisionName, r.CompanyName, r.Role, false, r.BureauName)).ToList();
        return choices.Select(c => c with { IsCurrent = c.DivisionId.ToString() == current })
            .OrderBy(c => c.Npp, StringComparer.Ordinal).ThenBy(c => c.DivisionCode, StringComparer.Ordinal).ToList();
    }
}

/// <param name="BureauName">The bureau through which the user reaches a client's division, or null for their own.</param>
public sealed record CompanyChoice(Guid DivisionId, string Npp, string DivisionCode, string DivisionName, string CompanyName, MembershipRole Role, bool IsCurrent, string? BureauName = null);
