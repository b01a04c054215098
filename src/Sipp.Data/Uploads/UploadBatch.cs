namespace Sipp.Data.Uploads;

/// <summary>
/// An uploaded file of a company division: checked row by row in the background, then imported (all valid rows in
/// one transaction) or dropped. The file itself waits in <see cref="UploadContent"/> until then.
/// </summary>
public class UploadBatch
{
    public Guid Id { get; set; }

    public Guid DivisionId { get; set; }

    public UploadKind Kind { get; set; }

    /// <summary>The name the user gave the file (shown, never used as a path).</summary>
    public required string FileName { get; set; }

    public UploadFormat Format { get; set; }

    /// <summary>Whose template the file follows: Sipp's own, or SIPP Online's (recognised by its header row).</summary>
    public UploadLayout Layout { get; set; }

    /// <summary>The sheet read, when the workbook has several (the first whose row 1 is a header); null: the only or first sheet, or a CSV.</summary>
    public string? Sheet { get; set; }

    public long SizeBytes { get; set; }

    public UploadState State { get; set; }

    /// <summary>Why the whole file was refused (wrong format, headers, too many rows…), when it was.</summary>
    public string? Refusal { get; set; }

    public int TotalRows { get; set; }

    /// <summary>Rows checked so far, for the progress shown while checking.</summary>
    public int CheckedRows { get; set; }

    public int ErrorRows { get; set; }

    /// <summary>Rows that change nothing (a wage as it already is): neither refused nor imported.</summary>
    public int UnchangedRows { get; set; }

    public int ImportedRows { get; set; }

    public DateTime UploadedAt { get; set; }

    public Guid UploadedByUserId { get; set; }

    public DateTime? CheckedAt { get; set; }

    public DateTime? ImportedAt { get; set; }

    /// <summary>While a node checks the file: until when its claim holds (renewed after every chunk).</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>How many times a check of the file was started; a file that stops checks too often is refused.</summary>
    public int CheckAttempts { get; set; }

    public List<UploadRowError> Errors { get; set; } = [];
}

/// <summary>The reasons one row of a batch is refused.</summary>
public class UploadRowError
{
    public long Id { get; set; }

    public Guid BatchId { get; set; }

    public UploadBatch Batch { get; set; } = null!;

    /// <summary>The row number as the user sees it in the file (the header is row 1).</summary>
    public int RowNumber { get; set; }

    /// <summary>"Kolom «isi»: pesan" lines joined by "; ".</summary>
    public required string Messages { get; set; }

    /// <summary>Whom the row is about: "KPJ …", or the NIK or passport masked.</summary>
    public string? Worker { get; set; }
}

public enum UploadKind
{
    /// <summary>Upload Tenaga Kerja Baru.</summary>
    Baru = 1,

    /// <summary>Upload Tenaga Kerja Non Aktif.</summary>
    NonAktif = 2,

    /// <summary>Upload Perubahan Upah.</summary>
    Upah = 3,

    /// <summary>Upload Tenaga Kerja Lanjutan: workers who already have a KPJ joining this division.</summary>
    Lanjutan = 4,
}

public enum UploadLayout
{
    Sipp = 0,

    /// <summary>SIPP Online's "data_tk_baru": 30 columns with SIPP's names and codes.</summary>
    SippOnline = 1,
}

public enum UploadFormat
{
    Xlsx = 1,
    Csv = 2,

    /// <summary>Old Excel (BIFF8), as SIPP Online's templates are saved.</summary>
    Xls = 3,
}

public enum UploadState
{
    Diperiksa = 1,
    Ditolak = 2,
    SiapImpor = 3,
    Diimpor = 4,
    Dibatalkan = 5,
}

/// <summary>
/// The uploaded file itself, kept in the database from its arrival until it is imported, refused or cancelled, so
/// that any node can check, import or hand back a file another node received (issue 15).
/// </summary>
public class UploadContent
{
    public Guid BatchId { get; set; }

    public UploadBatch Batch { get; set; } = null!;

    public required byte[] Content { get; set; }
}
