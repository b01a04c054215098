using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Companies;
using Sipp.Web.Features.Workers;
using Sipp.Web.Features.Shared;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.BackOffice.Companies;

/// <summary>One company of the registry: JKK class, size, JP participation, padat-karya flag, and its divisions.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class EditModel(SippDbContext db, CompanyRegistry registry) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Divisi { get; set; } = [];

    public Company Company { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Isian = new Dictionary<string, string?>
        {
            [CompanyInput.Name] = Company.Name, [CompanyInput.Npwp] = Company.Npwp,
            [CompanyInput.RiskClass] = Company.JkkRiskClass.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [CompanyInput.Size] = Company.Size.ToString(), [CompanyInput.Jp] = Company.TakesPartInJp ? "true" : "false",
            [CompanyInput.LabourIntensive] = Company.LabourIntensive ? "true" : "false",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await registry.UpdateAsync(id, new FormInput(Isian), cancellationToken) is { } refusal)
        {
            return await ShowAsync(id, refusal, "Isian", cancellationToken);
        }

        Message = Wording.Of("Data perusahaan sudah disimpan.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDivisionAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await registry.AddDivisionAsync(id, new FormInput(Divisi), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return await ShowAsync(id, refusal, "Divisi", cancellationToken);
        }

        Message = Wording.Of($"Divisi {result.Value!.Code} — {result.Value.Name} sudah ditambahkan.");
        return RedirectToPage(new { id });
    }

    /// <summary>Sets or clears the minimum-wage region of one division of this company.</summary>
    public async Task<IActionResult> OnPostRegionAsync(Guid id, Guid divisionId, string? wilayah, CancellationToken cancellationToken)
    {
        var result = await registry.SetRegionAsync(id, divisionId, wilayah, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return await ShowAsync(id, refusal, "Isian", cancellationToken);
        }

        Message = Wording.Of($"Wilayah upah minimum divisi {result.Value!.Code}: {result.Value.RegionCode ?? "tidak ada"}.");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(Guid id, Refusal refusal, string form, CancellationToken cancellationToken)
    {
        if (refusal.Kind == RefusalKind.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        WorkerForms.AddErrors(ModelState, refusal.Errors, form);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await db.Companies.Include(c => c.Divisions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return false;
        }

        Company = company;
        return true;
    }
}
