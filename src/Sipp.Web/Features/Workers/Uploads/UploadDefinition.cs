using Sipp.Data.Uploads;
using Sipp.Domain;
using Sipp.Web.Infrastructure.Files;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>
/// The columns of each upload (their template), which of them must be present, and an example row. The examples are
/// fictional: KPJ 00000000000 names nobody, so an example left in the file is refused, never applied to a real worker.
/// </summary>
public sealed record UploadDefinition(
    UploadKind Kind, string Title, string Slug, IReadOnlyList<string> Columns, IReadOnlySet<string> Optional, IReadOnlyList<string> Example,
    IReadOnlyDictionary<string, string>? Aliases = null)
{
    public const string KpjColumn = "KPJ";
    public const string OtherReasonColumn = "Alasan Lainnya";
    public const string StatusColumn = "Status";
    public const string NoteColumn = "Keterangan";

    public static readonly UploadDefinition Baru = new(
        UploadKind.Baru, "Upload Tenaga Kerja Baru", "baru", F.NewWorkerColumns,
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { F.EmployeeNumber, F.Passport, F.Country, F.Phone, F.Email, F.Npwp, F.ContractEnd },
        ["CONTOH-01", "3171015708850002", "Siti Contoh", "Jakarta", "17/08/1985", "Perempuan", "Sumarni", "WNI", "", "", "Kawin", "Jl. Mawar No. 1, Jakarta Selatan",
         "12730", "081211112222", "siti@contoh.co.id", "", "PKWT", "05/01/2026", "31/12/2026", "01/02/2026", "5500000"]);

    public static readonly UploadDefinition NonAktif = new(
        UploadKind.NonAktif, "Upload Tenaga Kerja Non Aktif", "non-aktif", [KpjColumn, F.EmployeeNumber, F.Nik, F.EndDate, F.EndReason, OtherReasonColumn],
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { KpjColumn, F.EmployeeNumber, OtherReasonColumn },
        ["00000000000", "CONTOH-01", "3171010000000000", "31/03/2026", "Mengundurkan diri", ""]);

    public static readonly UploadDefinition Upah = new(
        UploadKind.Upah, "Upload Perubahan Upah", "upah", [KpjColumn, F.EmployeeNumber, F.FullName, F.Wage, F.WageFrom],
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { KpjColumn, F.EmployeeNumber, F.FullName }, // the name only helps whoever edits the file
        ["00000000000", "CONTOH-01", "Siti Contoh", "7500000", "2026-04"],
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) // SIPP Online's naming, as the wage download in its layout writes it
        {
            [SippOnlineTemplate.Kpj] = KpjColumn, [SippOnlineTemplate.EmployeeNumber] = F.EmployeeNumber, [SippOnlineTemplate.FullName] = F.FullName,
            [SippOnlineTemplate.Wage] = F.Wage, [SippOnlineTemplate.WagePeriod] = F.WageFrom,
        });

    /// <summary>The columns that name an existing worker; a file of a KPJ-based upload needs at least one of them.</summary>
    public static readonly IReadOnlyList<string> WorkerKeys = [KpjColumn, F.EmployeeNumber];

    /// <summary>
    /// Workers who already have a KPJ (most people changing jobs) joining this division, each checked as "Tambah Tenaga
    /// Kerja — Ya"; SIPP Online's column names are accepted for its columns.
    /// </summary>
    public static readonly UploadDefinition Lanjutan = new(
        UploadKind.Lanjutan, "Upload Tenaga Kerja Lanjutan", "lanjutan",
        [KpjColumn, F.Nik, F.BirthDate, F.EmployeeNumber, F.EmploymentType, F.WorkStart, F.ContractEnd, F.MembershipStart, F.Wage],
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { F.EmployeeNumber, F.ContractEnd, F.MembershipStart },
        ["00000000000", "3171015708850002", "17/08/1985", "CONTOH-02", "PKWT", "05/01/2026", "31/12/2026", "", "5500000"],
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["NO_KPJ"] = KpjColumn, [F.Kpj] = KpjColumn, [SippOnlineTemplate.IdentityNumber] = F.Nik, [SippOnlineTemplate.BirthDate] = F.BirthDate,
            [SippOnlineTemplate.EmployeeNumber] = F.EmployeeNumber, [SippOnlineTemplate.EmploymentType] = F.EmploymentType,
            [SippOnlineTemplate.WorkStart] = F.WorkStart, [SippOnlineTemplate.ContractEnd] = F.ContractEnd,
            [SippOnlineTemplate.MembershipStart] = F.MembershipStart, [SippOnlineTemplate.Wage] = F.Wage,
        });

    public static readonly IReadOnlyList<UploadDefinition> All = [Baru, Lanjutan, NonAktif, Upah];

    public static UploadDefinition Of(UploadKind kind) => All.Single(d => d.Kind == kind);

    public static UploadDefinition? FromSlug(string? slug) => All.SingleOrDefault(d => d.Slug == slug);

    /// <summary>Columns whose cells are dates (Excel dates are turned into yyyy-mm-dd), under their names and aliases.</summary>
    public IReadOnlySet<string> DateColumns => NamesOf(c => c.StartsWith("Tanggal", StringComparison.Ordinal));

    /// <summary>Columns of digits that Excel may have stored as numbers, under their names and aliases.</summary>
    public IReadOnlySet<string> DigitColumns => NamesOf(c => c is F.Nik or KpjColumn or F.Npwp or F.PostalCode or F.Phone or F.Wage or F.EmployeeNumber);

    /// <summary>The template's column a header names: itself, or the column it is an alias of.</summary>
    public string Canonical(string header) => Aliases?.GetValueOrDefault(header) ?? header;

    private HashSet<string> NamesOf(Func<string, bool> kind) => new(
        Columns.Where(kind).Concat((Aliases ?? new Dictionary<string, string>()).Where(a => kind(a.Value)).Select(a => a.Key)), StringComparer.OrdinalIgnoreCase);

    /// <summary>What is wrong with the header row, or null when every required column is there and nothing unknown.</summary>
    public string? CheckHeaders(IReadOnlyList<string> given)
    {
        var headers = given.Select(Canonical).ToList();
        var present = new HashSet<string>(headers, StringComparer.OrdinalIgnoreCase);
        var missing = Columns.Where(c => !Optional.Contains(c) && !present.Contains(c)).ToList();
        if (Kind is UploadKind.NonAktif or UploadKind.Upah && !WorkerKeys.Any(present.Contains))
        {
            missing.Insert(0, Wording.Of($"{KpjColumn} atau {Wording.OfName(F.EmployeeNumber)}"));
        }

        var problems = HeaderProblems(headers, missing, Columns);
        return problems.Count == 0
            ? null
            : Wording.Of($"Baris judul (baris 1) tidak sesuai template {Wording.OfName(Title)}: {string.Join("; ", problems)}. Unduh template dari halaman ini.");
    }

    /// <summary>A header row's problems, any template's: the columns missing, unknown (beyond Status and Keterangan of a checked copy), or given twice.</summary>
    public static List<string> HeaderProblems(IReadOnlyList<string> headers, IReadOnlyList<string> missing, IEnumerable<string> columns)
    {
        var known = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase) { StatusColumn, NoteColumn };
        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add(Wording.Of($"kolom yang tidak ada: {string.Join(", ", missing)}"));
        }

        if (headers.Where(h => !known.Contains(h)).ToList() is { Count: > 0 } unknown)
        {
            problems.Add(Wording.Of($"kolom yang tidak dikenal: {string.Join(", ", unknown)}"));
        }

        if (headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList() is { Count: > 0 } twice)
        {
            problems.Add(Wording.Of($"kolom ganda: {string.Join(", ", twice)}"));
        }

        return problems;
    }
}
