using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Companies;
using Sipp.Web.Features.Workers;
using Sipp.Web.Features.Shared;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.BackOffice.Companies;

/// <summary>"Perusahaan": the NPP registry kept by officers, searchable; a new company is registered through <see cref="CompanyRegistry"/>.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(SippDbContext db, CompanyRegistry registry) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public IReadOnlyList<CompanyRow> Companies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await registry.RegisterAsync(new FormInput(Isian), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            WorkerForms.Show(ModelState, refusal);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/backoffice/perusahaan/{result.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = db.Companies.AsNoTracking();
        var term = Cari?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var upper = term.ToUpperInvariant();
#pragma warning disable CA1304, CA1311 // translated to SQL UPPER(); no .NET culture is involved
            query = query.Where(c => c.Npp.StartsWith(term) || c.Name.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311
        }

        Companies = await query.OrderBy(c => c.Npp).Take(200)
            .Select(c => new CompanyRow(c.Id, c.Npp, c.Name, c.JkkRiskClass, c.Size, c.TakesPartInJp, c.LabourIntensive, c.Divisions.Count))
            .ToListAsync(cancellationToken);
    }
}

public sealed record CompanyRow(Guid Id, string Npp, string Name, int RiskClass, CompanySize Size, bool TakesPartInJp, bool LabourIntensive, int Divisions);
