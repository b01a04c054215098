using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Companies;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.BackOffice.Companies;

/// <summary>"Perusahaan": the NPP registry kept by officers; a new company gets its head office division 000.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(SippDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public IReadOnlyList<CompanyRow> Companies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var v = new FieldValues(Isian);
        var npp = v.Parse<Npp>(CompanyInput.Npp, true, Npp.TryParse);
        var registry = CompanyInput.ParseRegistry(v);
        var headOffice = CompanyInput.ParseDivision(new FieldValues(new Dictionary<string, string?>(Isian) { [CompanyInput.DivisionCode] = "000", [CompanyInput.DivisionName] = "Kantor Pusat" }));
        if (headOffice is null && Isian.GetValueOrDefault(CompanyInput.BranchOffice) is null)
        {
            v.Fail(CompanyInput.BranchOffice, "Kantor Cabang wajib diisi.");
        }

        if (npp is { } n && await db.Companies.AnyAsync(c => c.Npp == n.Value, cancellationToken))
        {
            v.Fail(CompanyInput.Npp, "NPP ini sudah terdaftar.");
        }

        if (v.HasErrors || registry is null || headOffice is null)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary());
            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var company = new Company
        {
            Id = Guid.NewGuid(), Npp = npp!.Value.Value, Name = registry.Name, Npwp = registry.Npwp, JkkRiskClass = registry.RiskClass, Size = registry.Size,
            TakesPartInJp = registry.TakesPartInJp, LabourIntensive = registry.LabourIntensive, CreatedAt = now,
        };
        company.Divisions.Add(new Division
        {
            Id = Guid.NewGuid(), CompanyId = company.Id, Code = "000", Name = headOffice.Name, BranchOffice = headOffice.BranchOffice, Address = headOffice.Address, CreatedAt = now,
        });
        db.Companies.Add(company);
        audit.Record("perusahaan.tambah", "Perusahaan", company.Id.ToString(), company.Divisions[0].Id, after: CompanyInput.Snapshot(company));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/backoffice/perusahaan/{company.Id}");
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
