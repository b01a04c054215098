using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Bureaus.Access;

/// <summary>"Akses Biro": the bureaus that may act in the divisions the Admin administers, "Beri Akses", and "Cabut".</summary>
[Authorize(Policy = Policies.CompanyAdmin)]
public sealed class IndexModel(CurrentCompany currentCompany, DivisionAccess access, ClientGrants grants, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Label)> Grantable { get; private set; } = [];

    [BindProperty]
    public string? KodeBiro { get; set; }

    [BindProperty]
    public List<Guid> Divisi { get; set; } = [];

    [BindProperty]
    public string? Peran { get; set; }

    [BindProperty]
    public string? BerlakuSampai { get; set; }

    [TempData]
    public string? Message { get; set; }

    public GrantRow? ConfirmingRevocation { get; private set; }

    public DateOnly Today => clock.JakartaToday();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        BerlakuSampai ??= Sipp.Domain.Periods.TypedDate.Format(Today.AddYears(1));
        Divisi = [company.DivisionId];
        Peran = nameof(MembershipRole.Operator);
        await LoadAsync(company, cancellationToken);
    }

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        var result = await grants.GrantAsync(company, new NewBureauGrant(KodeBiro, Divisi, Peran, BerlakuSampai), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            refusal.AddTo(ModelState, new Dictionary<string, string>
            {
                [ClientGrants.CodeField] = nameof(KodeBiro), [ClientGrants.DivisionsField] = nameof(Divisi),
                [ClientGrants.RoleField] = nameof(Peran), [ClientGrants.EndsField] = nameof(BerlakuSampai),
            });
            await LoadAsync(company, cancellationToken);
            return Page();
        }

        Message = result.Value;
        return RedirectToPage();
    }

    /// <summary>"Cabut" first shows what it does; acts on <paramref name="konfirmasi"/> "ya".</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? konfirmasi, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        if (konfirmasi != "ya")
        {
            await LoadAsync(company, cancellationToken);
            ConfirmingRevocation = Grants.FirstOrDefault(g => g.Id == id && g.IsLive);
            return ConfirmingRevocation is null ? NotFound() : Page();
        }

        var result = await grants.RevokeAsync(company, id, cancellationToken);
        if (result.Refusal is { Kind: RefusalKind.NotFound })
        {
            return NotFound();
        }

        Message = result.Refusal?.Message ?? result.Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CompanyContext company, CancellationToken cancellationToken)
    {
        Grants = await grants.Visible(company).OrderByDescending(g => g.GrantedAt)
            .Select(g => new GrantRow(g.Id, g.Bureau.Name, g.Bureau.Code, g.Division.Code + " — " + g.Division.Name, g.Role, g.EndsOn, g.Status, g.GrantedByName, g.GrantedAt))
            .ToListAsync(cancellationToken);
        Grantable = (await access.AdministeredBy(company).OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, $"{d.Code} — {d.Name}")).ToList();
    }
}

public sealed record GrantRow(
    Guid Id, string Bureau, string BureauCode, string Division, MembershipRole Role, DateOnly EndsOn, BureauGrantStatus Status, string GrantedBy, DateTime GrantedAt)
{
    public bool IsLive => Status is BureauGrantStatus.Menunggu or BureauGrantStatus.Aktif;

    /// <summary>What the Admin reads: waiting for the bureau, active, ended by its date, declined or revoked.</summary>
    public static readonly IReadOnlyList<string> States = ["Menunggu diterima biro", "Aktif", "Kedaluwarsa", "Ditolak biro", "Dicabut"];

    public string StateOn(DateOnly today) => Status switch
    {
        BureauGrantStatus.Menunggu => States[0],
        BureauGrantStatus.Aktif when today > EndsOn => States[2],
        BureauGrantStatus.Aktif => States[1],
        BureauGrantStatus.Ditolak => States[3],
        _ => States[4],
    };
}
