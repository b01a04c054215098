using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Bureaus.Office;

/// <summary>"Biro": register the current company as a bureau; its code, staff, and the grants waiting to be accepted.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, BureauOffice office) : PageModel
{
    public StaffPlace? Place { get; private set; }

    /// <summary>The current company, when the user is its Admin and it could be registered as a bureau.</summary>
    public CompanyContext? Registrable { get; private set; }

    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Candidates { get; private set; } = [];

    public IReadOnlyList<WaitingGrant> Waiting { get; private set; } = [];

    public int ActiveClients { get; private set; }

    [BindProperty]
    public string? Nama { get; set; }

    [TempData]
    public string? Message { get; set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        if (await currentCompany.GetAsync(cancellationToken) is not { } company)
        {
            return Forbid();
        }

        return await ToldAsync(await office.RegisterAsync(company, Nama, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostAddStaffAsync(Guid staf, bool adminBiro, CancellationToken cancellationToken) =>
        AsStaffAsync(place => office.AddStaffAsync(place, UserId, staf, adminBiro, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveStaffAsync(Guid id, CancellationToken cancellationToken) =>
        AsStaffAsync(place => office.RemoveStaffAsync(place, UserId, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken) =>
        AsStaffAsync(place => office.DecideAsync(place, UserId, id, accept: true, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) =>
        AsStaffAsync(place => office.DecideAsync(place, UserId, id, accept: false, cancellationToken), cancellationToken);

    private async Task<IActionResult> AsStaffAsync(Func<StaffPlace, Task<Sipp.Web.Infrastructure.Problems.Result<string>>> act, CancellationToken cancellationToken) =>
        await office.PlaceOfAsync(UserId, cancellationToken) is { } place ? await ToldAsync(await act(place), cancellationToken) : Forbid();

    private async Task<IActionResult> ToldAsync(Result<string> result, CancellationToken cancellationToken)
    {
        switch (result.Refusal)
        {
            case { Kind: RefusalKind.NotFound }:
                return NotFound();
            case { Kind: RefusalKind.Forbidden }:
                return Forbid();
            case { Kind: RefusalKind.Invalid } invalid:
                invalid.AddTo(ModelState);
                await LoadAsync(cancellationToken);
                return Page();
        }

        Message = result.Refusal?.Message ?? result.Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Place = await office.PlaceOfAsync(UserId, cancellationToken);
        if (Place is not { } place)
        {
            Registrable = await currentCompany.GetAsync(cancellationToken) is { IsAdmin: true } company
                && !await db.Bureaus.AnyAsync(b => b.CompanyId == company.CompanyId, cancellationToken) ? company : null;
            return;
        }

        Staff = await db.BureauStaff.AsNoTracking().Where(s => s.BureauId == place.BureauId && s.IsActive)
            .OrderBy(s => s.User.FullName).Select(s => new StaffRow(s.Id, s.User.FullName, s.User.Email ?? "", s.IsBureauAdmin, s.UserId == UserId))
            .ToListAsync(cancellationToken);
        if (place.IsBureauAdmin)
        {
            Candidates = (await office.Candidates(place).OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).Take(500).ToListAsync(cancellationToken))
                .Select(u => (u.Id, u.FullName)).ToList();
        }

        Waiting = await office.Waiting(place).ToListAsync(cancellationToken);
        ActiveClients = await office.ActiveClientsAsync(place, cancellationToken);
    }
}

public sealed record StaffRow(Guid Id, string Name, string Email, bool IsBureauAdmin, bool IsSelf);

public sealed record WaitingGrant(Guid Id, string Npp, string Company, string Division, MembershipRole Role, DateOnly EndsOn, string GrantedBy);
