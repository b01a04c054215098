namespace Sipp.Domain.Identifiers;

/// <summary>
/// Nomor Pegawai (SIPP Online's NO_PEGAWAI): the employer's own number for a worker, as its payroll keys them. Up to 30
/// letters, digits and - . / _; kept in capitals, so that "emp-7" and "EMP-7" are one number.
/// </summary>
public readonly record struct EmployeeNumber
{
    public const int MaxLength = 30;

    private EmployeeNumber(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out EmployeeNumber number, out string error)
    {
        number = default;
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = Wording.Of("Nomor Pegawai wajib diisi.");
            return false;
        }

        if (text.Length > MaxLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '/' or '_'))
        {
            error = Wording.Of($"Nomor Pegawai berupa 1–{MaxLength} huruf, angka atau tanda - . / _ tanpa spasi.");
            return false;
        }

        number = new EmployeeNumber(text.ToUpperInvariant());
        error = string.Empty;
        return true;
    }

    public override string ToString() => Value;
}
