using Sipp.Domain;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Files;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>
/// SIPP Online's "data_tk_baru" template as HR offices keep it: 30 columns A–AD with SIPP's names and codes (KTP |
/// PASSPORT, L | P, Y | T, dates dd-mm-yyyy). Each row is translated into Sipp's own fields, so that it meets exactly
/// the checks and messages of Sipp's template; a message is shown under SIPP's column name. Columns Sipp does not keep
/// are read, checked where a rule exists, and named once per file.
/// </summary>
public static class SippOnlineTemplate
{
    public const string EmployeeNumber = "NO_PEGAWAI";
    public const string FullName = "NAMA_LENGKAP";
    public const string Title = "GELAR";
    public const string Mobile = "HP";
    public const string Email = "EMAIL";
    public const string BirthPlace = "TEMPAT_LAHIR";
    public const string BirthDate = "TANGGAL_LAHIR";
    public const string MotherMaidenName = "NAMA_IBU_KANDUNG";
    public const string IdentityType = "JENIS_IDENTITAS";
    public const string IdentityNumber = "NOMOR_IDENTITAS";
    public const string IdentityValidUntil = "MASA_LAKU_IDENTITAS";
    public const string Sex = "JENIS_KELAMIN";
    public const string Correspondence = "SURAT_MENYURAT_KE";
    public const string MembershipStart = "TANGGAL_KEPESERTAAN";
    public const string MaritalStatus = "STATUS_KAWIN";
    public const string BloodType = "GOLONGAN_DARAH";
    public const string Npwp = "NPWP";
    public const string Country = "KODE_NEGARA";
    public const string Wage = "UPAH";
    public const string Address = "ALAMAT";
    public const string PostalCode = "KODE_POS";
    public const string WorkLocation = "LOKASI_PEKERJAAN";
    public const string EmploymentType = "STATUS_PEGAWAI";
    public const string WorkStart = "TGL_AWAL_BEKERJA";
    public const string ContractEnd = "TGL_AKHIR_KONTRAK";

    /// <summary>The KPJ in SIPP Online's naming (data_tk_baru has none: a new worker gets one later).</summary>
    public const string Kpj = "NO_KPJ";

    /// <summary>The month a wage applies from, in SIPP's naming style (YYYY-MM, as Sipp's "Periode Mulai"); see ADR 0020.</summary>
    public const string WagePeriod = "PERIODE_UPAH";

    /// <summary>The wage-change file in SIPP Online's naming: its names for the columns of Sipp's wage template, in that order.</summary>
    public static readonly IReadOnlyList<string> WageColumns = [Kpj, EmployeeNumber, FullName, Wage, WagePeriod];

    /// <summary>The columns A–AD, in SIPP Online's order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        EmployeeNumber, FullName, Title, "TELEPON_AREA_RUMAH", "TELEPON_RUMAH", "TELEPON_AREA_KANTOR", "TELEPON_KANTOR", "TELEPON_EXT_KANTOR",
        Mobile, Email, BirthPlace, BirthDate, MotherMaidenName, IdentityType, IdentityNumber, IdentityValidUntil, Sex, Correspondence,
        MembershipStart, MaritalStatus, BloodType, Npwp, Country, Wage, Address, PostalCode, WorkLocation, EmploymentType, WorkStart, ContractEnd,
    ];

    /// <summary>Columns Sipp reads and checks but does not keep (a person's title, other phones, blood type …).</summary>
    public static readonly IReadOnlyList<string> NotKept =
        [Title, "TELEPON_AREA_RUMAH", "TELEPON_RUMAH", "TELEPON_AREA_KANTOR", "TELEPON_KANTOR", "TELEPON_EXT_KANTOR", IdentityValidUntil, Correspondence, BloodType, WorkLocation];

    public static readonly IReadOnlySet<string> DateColumns =
        new HashSet<string>([BirthDate, IdentityValidUntil, MembershipStart, WorkStart, ContractEnd], StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> DigitColumns = new HashSet<string>(
        [EmployeeNumber, Mobile, IdentityNumber, Npwp, Wage, PostalCode, "TELEPON_AREA_RUMAH", "TELEPON_RUMAH", "TELEPON_AREA_KANTOR", "TELEPON_KANTOR", "TELEPON_EXT_KANTOR"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly IReadOnlyList<string> Required =
        [FullName, BirthPlace, BirthDate, MotherMaidenName, IdentityType, IdentityNumber, Sex, MaritalStatus, Wage, Address, PostalCode, EmploymentType, WorkStart];

    /// <summary>SIPP's column of each Sipp field (the same value under another name).</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        [F.EmployeeNumber] = EmployeeNumber, [F.FullName] = FullName, [F.Phone] = Mobile, [F.Email] = Email, [F.BirthPlace] = BirthPlace,
        [F.BirthDate] = BirthDate, [F.MotherMaidenName] = MotherMaidenName, [F.Sex] = Sex, [F.MembershipStart] = MembershipStart,
        [F.MaritalStatus] = MaritalStatus, [F.Npwp] = Npwp, [F.Wage] = Wage, [F.Address] = Address, [F.PostalCode] = PostalCode,
        [F.EmploymentType] = EmploymentType, [F.WorkStart] = WorkStart, [F.ContractEnd] = ContractEnd,
    };

    /// <summary>A header row of this template: it names the identity columns only SIPP Online's template has.</summary>
    public static bool Recognises(IReadOnlyList<string> headers) =>
        headers.Contains(IdentityType, StringComparer.OrdinalIgnoreCase) && headers.Contains(IdentityNumber, StringComparer.OrdinalIgnoreCase);

    /// <summary>What is wrong with the header row, or null: every required column there, none unknown, none twice.</summary>
    public static string? CheckHeaders(IReadOnlyList<string> headers)
    {
        var present = new HashSet<string>(headers, StringComparer.OrdinalIgnoreCase);
        var problems = UploadDefinition.HeaderProblems(headers, Required.Where(c => !present.Contains(c)).ToList(), Columns);
        return problems.Count == 0
            ? null
            : Wording.Of($"Baris judul (baris 1) tidak sesuai template data_tk_baru SIPP Online: {string.Join("; ", problems)}.");
    }

    /// <summary>The row in Sipp's fields, with what only SIPP's codes can get wrong already said under SIPP's columns.</summary>
    public static SheetRow Translate(SheetRow row)
    {
        string? Cell(string column) => row.Values.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, column) in Renamed)
        {
            values[field] = Cell(column);
        }

        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        switch (Cell(IdentityType)?.ToUpperInvariant())
        {
            case "KTP":
                values[F.Citizenship] = "WNI";
                values[F.Nik] = Cell(IdentityNumber);
                if (Cell(Country) is { } country && !country.Equals("ID", StringComparison.OrdinalIgnoreCase))
                {
                    problems[Country] = [Wording.Of($"Untuk KTP, {Country} harus ID atau kosong.")];
                }

                break;
            case "PASSPORT" or "PASPOR":
                values[F.Citizenship] = "WNA";
                values[F.Passport] = Cell(IdentityNumber);
                values[F.Country] = Cell(Country);
                break;
            default:
                problems[IdentityType] = [Wording.Of($"{IdentityType} harus KTP atau PASSPORT.")];
                problems[IdentityNumber] = [Wording.Of($"{IdentityNumber} diperiksa sesudah {IdentityType} diisi KTP atau PASSPORT.")];
                break;
        }

        values[F.MaritalStatus] = Cell(MaritalStatus)?.ToUpperInvariant() switch
        {
            "Y" => "Kawin",
            "T" => "Belum Kawin",
            _ => Cell(MaritalStatus),
        };
        values[F.MembershipStart] ??= values[F.WorkStart]; // SIPP leaves it empty when membership starts with the work
        CheckNotKept(Cell, problems);
        return new SheetRow(row.Number, values, row.Rounded, problems, row.Values);
    }

    /// <summary>SIPP's column for a Sipp field a message is about (the field itself when SIPP has no other name).</summary>
    public static string ColumnOf(string field) => field switch
    {
        F.Nik or F.Passport => IdentityNumber,
        F.Citizenship => IdentityType,
        F.Country => Country,
        _ => Renamed.GetValueOrDefault(field, field),
    };

    /// <summary>The columns not kept still hold to their own rules: a date, SIPP's codes.</summary>
    private static void CheckNotKept(Func<string, string?> cell, Dictionary<string, string[]> problems)
    {
        if (cell(IdentityValidUntil) is { } validUntil && !TypedDate.TryParse(validUntil, out _))
        {
            problems[IdentityValidUntil] = [Wording.Of($"{IdentityValidUntil} harus tanggal yang valid (dd-mm-yyyy).")];
        }

        if (cell(Correspondence) is { } to && to.ToUpperInvariant() is not ("S" or "E"))
        {
            problems[Correspondence] = [Wording.Of($"{Correspondence} harus S (surat) atau E (email).")];
        }

        if (cell(BloodType) is { } blood && blood.ToUpperInvariant().TrimEnd('+', '-') is not ("A" or "B" or "AB" or "O"))
        {
            problems[BloodType] = [Wording.Of($"{BloodType} harus A, B, AB atau O.")];
        }
    }
}
