using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Companies;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.BackOffice.Companies;

/// <summary>One company of the registry: JKK class, size, JP participation, padat-karya flag, and its divisions.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class EditModel(SippDbContext db, AuditLog audit, TimeProvider clock) : PageModel
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
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var v = new FieldValues(Isian);
        if (CompanyInput.ParseRegistry(v) is not { } registry)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary());
            return Page();
        }

        var before = CompanyInput.Snapshot(Company);
        Company.Name = registry.Name;
        Company.Npwp = registry.Npwp;
        Company.JkkRiskClass = registry.RiskClass;
        Company.Size = registry.Size;
        Company.TakesPartInJp = registry.TakesPartInJp;
        Company.LabourIntensive = registry.LabourIntensive;
        audit.Record("perusahaan.ubah", "Perusahaan", Company.Id.ToString(), Company.Divisions.First(d => d.Code == "000").Id, before, CompanyInput.Snapshot(Company));
        await db.SaveChangesAsync(cancellationToken);
        Message = "Data perusahaan sudah disimpan.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDivisionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var v = new FieldValues(Divisi);
        var division = CompanyInput.ParseDivision(v);
        if (division is not null && Company.Divisions.Any(d => d.Code == division.Code))
        {
            v.Fail(CompanyInput.DivisionCode, "Kode divisi ini sudah ada di perusahaan ini.");
        }

        if (v.HasErrors)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary(), "Divisi");
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        var added = new Division
        {
            Id = Guid.NewGuid(), CompanyId = Company.Id, Code = division!.Code, Name = division.Name, BranchOffice = division.BranchOffice,
            Address = division.Address, RegionCode = division.Region, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Divisions.Add(added);
        audit.Record("divisi.tambah", "Divisi", added.Id.ToString(), added.Id, after: new { npp = Company.Npp, kode = added.Code, nama = added.Name, kantorCabang = added.BranchOffice, wilayahUpahMinimum = added.RegionCode });
        await db.SaveChangesAsync(cancellationToken);
        Message = $"Divisi {added.Code} — {added.Name} sudah ditambahkan.";
        return RedirectToPage(new { id });
    }

    /// <summary>Sets or clears the minimum-wage region of one division of this company.</summary>
    public async Task<IActionResult> OnPostRegionAsync(Guid id, Guid divisionId, string? wilayah, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Company.Divisions.SingleOrDefault(d => d.Id == divisionId) is not { } division)
        {
            return NotFound();
        }

        var v = new FieldValues(new Dictionary<string, string?> { [CompanyInput.Region] = wilayah });
        var region = CompanyInput.ParseRegion(v);
        if (v.HasErrors)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary());
            return Page();
        }

        var before = division.RegionCode;
        division.RegionCode = region;
        audit.Record("divisi.ubahWilayah", "Divisi", division.Id.ToString(), division.Id, new { wilayahUpahMinimum = before }, new { wilayahUpahMinimum = region });
        await db.SaveChangesAsync(cancellationToken);
        Message = $"Wilayah upah minimum divisi {division.Code}: {region ?? "tidak ada"}.";
        return RedirectToPage(new { id });
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
