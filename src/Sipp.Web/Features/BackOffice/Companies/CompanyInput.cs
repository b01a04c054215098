using Sipp.Data.Companies;
using Sipp.Domain.Contributions;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Workers;
using Sipp.Domain;

namespace Sipp.Web.Features.BackOffice.Companies;

/// <summary>The registry fields of a company as an officer types them, checked in one place.</summary>
public static class CompanyInput
{
    public const string Npp = "NPP";
    public const string Name = "Nama Perusahaan";
    public const string Npwp = "NPWP";
    public const string RiskClass = "Kelas Risiko JKK";
    public const string Size = "Skala Usaha";
    public const string Jp = "Ikut JP";
    public const string LabourIntensive = "Industri Padat Karya";
    public const string DivisionCode = "Kode Divisi";
    public const string DivisionName = "Nama Divisi";
    public const string BranchOffice = "Kantor Cabang";
    public const string Region = "Wilayah Upah Minimum";
    public const string Address = "Alamat";

    public static readonly IReadOnlyList<(string, string)> Sizes =
        Enum.GetValues<CompanySize>().Select(s => (s.ToString(), s.ToString())).ToList();

    public static readonly IReadOnlyList<(string, string)> RiskClasses =
        Enumerable.Range(1, 5).Select(c => (c.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Kelas {JkkRiskClass.Roman(c)}")).ToList();

    public static readonly IReadOnlyList<(string, string)> YesNo = [("true", "Ya"), ("false", "Tidak")];

    public sealed record Registry(string Name, string? Npwp, int RiskClass, CompanySize Size, bool TakesPartInJp, bool LabourIntensive);

    public static Registry? ParseRegistry(FieldValues v)
    {
        var name = v.Required(Name);
        if (name is { Length: > 200 })
        {
            v.Fail(Name, Wording.Of("Nama Perusahaan paling panjang 200 karakter."));
        }

        var npwp = v.Parse<Sipp.Domain.Identifiers.Npwp>(Npwp, false, Sipp.Domain.Identifiers.Npwp.TryParse);
        var riskClass = v.Choice(RiskClass, true, Enumerable.Range(1, 5).Select(c => (c, new[] { c.ToString(System.Globalization.CultureInfo.InvariantCulture), JkkRiskClass.Roman(c) })).ToArray());
        var size = v.Choice(Size, true, Enum.GetValues<CompanySize>().Select(s => (s, new[] { s.ToString() })).ToArray());
        var jp = v.Choice(Jp, true, (true, ["true", "Ya"]), (false, ["false", "Tidak"]));
        var labourIntensive = v.Choice(LabourIntensive, true, (true, ["true", "Ya"]), (false, ["false", "Tidak"]));
        if (size is CompanySize.Menengah or CompanySize.Besar && jp == false)
        {
            v.Fail(Jp, Wording.Of("Perusahaan skala menengah dan besar wajib ikut program JP."));
        }

        return v.HasErrors ? null : new Registry(name!, npwp?.Value, riskClass!.Value, size!.Value, jp!.Value, labourIntensive!.Value);
    }

    public sealed record NewDivision(string Code, string Name, string BranchOffice, string? Address, string? Region);

    public static NewDivision? ParseDivision(FieldValues v)
    {
        var code = v.Parse<Sipp.Domain.Identifiers.DivisionCode>(DivisionCode, true, Sipp.Domain.Identifiers.DivisionCode.TryParse);
        var name = v.Required(DivisionName);
        var branch = v.Required(BranchOffice);
        var address = v.Text(Address);
        var region = ParseRegion(v);
        foreach (var (field, value) in new[] { (DivisionName, name), (BranchOffice, branch) })
        {
            if (value is { Length: > 200 })
            {
                v.Fail(field, Wording.Of($"{field} paling panjang 200 karakter."));
            }
        }

        return v.HasErrors ? null : new NewDivision(code!.Value.Value, name!, branch!, address, region);
    }

    /// <summary>The region whose minimum wage (a row "upahMinimum.&lt;wilayah&gt;" of Aturan Iuran) applies; empty for none.</summary>
    public static string? ParseRegion(FieldValues v)
    {
        var region = v.Text(Region);
        if (region is not null && !Sipp.Domain.Rules.RuleKeys.IsRegion(region))
        {
            v.Fail(Region, Wording.Of("Wilayah Upah Minimum berupa 2–10 huruf, angka atau tanda -, misalnya 3171 (kode kabupaten/kota)."));
        }

        return region;
    }

    public static object Snapshot(Company c) => new
    {
        npp = c.Npp, nama = c.Name, npwp = c.Npwp, kelas = c.JkkRiskClass, skala = c.Size.ToString(), jp = c.TakesPartInJp, padatKarya = c.LabourIntensive,
    };
}
