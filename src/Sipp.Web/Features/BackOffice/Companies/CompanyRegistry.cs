using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Companies;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Shared;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.BackOffice.Companies;

/// <summary>
/// "Perusahaan": the NPP registry kept by officers (fields named by <see cref="CompanyInput"/>). A new company gets its
/// head office division 000; its JKK class, size, JP participation and padat-karya flag are changed; divisions are
/// added; a division's minimum-wage region is set or cleared.
/// </summary>
public sealed class CompanyRegistry(SippDbContext db, AuditLog audit, TimeProvider clock)
{
    private static Refusal NotFound => Refusal.Of(Wording.Of("Perusahaan tidak ditemukan."), RefusalKind.NotFound);

    public async Task<Result<Company>> RegisterAsync(FormInput form, CancellationToken cancellationToken)
    {
        var v = new FieldValues(form.Isian);
        var npp = v.Parse<Npp>(CompanyInput.Npp, true, Npp.TryParse);
        var registry = CompanyInput.ParseRegistry(v);
        var office = new FieldValues(new Dictionary<string, string?>(form.Isian) { [CompanyInput.DivisionCode] = "000", [CompanyInput.DivisionName] = "Kantor Pusat" });
        var headOffice = CompanyInput.ParseDivision(office);
        foreach (var (field, messages) in office.Errors)
        {
            messages.ForEach(message => v.Fail(field, message));
        }

        if (npp is { } n && await db.Companies.AnyAsync(c => c.Npp == n.Value, cancellationToken))
        {
            v.Fail(CompanyInput.Npp, Wording.Of("NPP ini sudah terdaftar."));
        }

        if (Refusal.Of(v) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var company = new Company
        {
            Id = Guid.NewGuid(), Npp = npp!.Value.Value, Name = registry!.Name, Npwp = registry.Npwp, JkkRiskClass = registry.RiskClass, Size = registry.Size,
            TakesPartInJp = registry.TakesPartInJp, LabourIntensive = registry.LabourIntensive, CreatedAt = now,
        };
        company.Divisions.Add(new Division
        {
            Id = Guid.NewGuid(), CompanyId = company.Id, Code = "000", Name = headOffice!.Name, BranchOffice = headOffice.BranchOffice, Address = headOffice.Address, CreatedAt = now,
        });
        db.Companies.Add(company);
        audit.Record("perusahaan.tambah", "Perusahaan", company.Id.ToString(), company.Divisions[0].Id, after: CompanyInput.Snapshot(company));
        await db.SaveChangesAsync(cancellationToken);
        return company;
    }

    public async Task<Refusal?> UpdateAsync(Guid companyId, FormInput form, CancellationToken cancellationToken)
    {
        if (await FindAsync(companyId, cancellationToken) is not { } company)
        {
            return NotFound;
        }

        var v = new FieldValues(form.Isian);
        if (CompanyInput.ParseRegistry(v) is not { } registry)
        {
            return Refusal.Of(v);
        }

        var before = CompanyInput.Snapshot(company);
        company.Name = registry.Name;
        company.Npwp = registry.Npwp;
        company.JkkRiskClass = registry.RiskClass;
        company.Size = registry.Size;
        company.TakesPartInJp = registry.TakesPartInJp;
        company.LabourIntensive = registry.LabourIntensive;
        audit.Record("perusahaan.ubah", "Perusahaan", company.Id.ToString(), company.Divisions.First(d => d.Code == "000").Id, before, CompanyInput.Snapshot(company));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Result<Division>> AddDivisionAsync(Guid companyId, FormInput form, CancellationToken cancellationToken)
    {
        if (await FindAsync(companyId, cancellationToken) is not { } company)
        {
            return NotFound;
        }

        var v = new FieldValues(form.Isian);
        var division = CompanyInput.ParseDivision(v);
        if (division is not null && company.Divisions.Any(d => d.Code == division.Code))
        {
            v.Fail(CompanyInput.DivisionCode, Wording.Of("Kode divisi ini sudah ada di perusahaan ini."));
        }

        if (Refusal.Of(v) is { } refusal)
        {
            return refusal;
        }

        var added = new Division
        {
            Id = Guid.NewGuid(), CompanyId = company.Id, Code = division!.Code, Name = division.Name, BranchOffice = division.BranchOffice,
            Address = division.Address, RegionCode = division.Region, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Divisions.Add(added);
        audit.Record("divisi.tambah", "Divisi", added.Id.ToString(), added.Id, after: new { npp = company.Npp, kode = added.Code, nama = added.Name, kantorCabang = added.BranchOffice, wilayahUpahMinimum = added.RegionCode });
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Sets or clears (an empty <paramref name="wilayah"/>) the minimum-wage region of one division of the company.</summary>
    public async Task<Result<Division>> SetRegionAsync(Guid companyId, Guid divisionId, string? wilayah, CancellationToken cancellationToken)
    {
        if (await FindAsync(companyId, cancellationToken) is not { } company || company.Divisions.SingleOrDefault(d => d.Id == divisionId) is not { } division)
        {
            return NotFound;
        }

        var v = new FieldValues(new Dictionary<string, string?> { [CompanyInput.Region] = wilayah });
        var region = CompanyInput.ParseRegion(v);
        if (Refusal.Of(v) is { } refusal)
        {
            return refusal;
        }

        var before = division.RegionCode;
        division.RegionCode = region;
        audit.Record("divisi.ubahWilayah", "Divisi", division.Id.ToString(), division.Id, new { wilayahUpahMinimum = before }, new { wilayahUpahMinimum = region });
        await db.SaveChangesAsync(cancellationToken);
        return division;
    }

    private Task<Company?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Companies.Include(c => c.Divisions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
}
