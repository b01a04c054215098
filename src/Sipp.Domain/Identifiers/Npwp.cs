namespace Sipp.Domain.Identifiers;

/// <summary>NPWP (tax number): 15 digits (legacy) or 16; stored as 16 digits, a legacy number prefixed with 0.</summary>
public readonly record struct Npwp
{
    private Npwp(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out Npwp npwp, out string error)
    {
        npwp = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = Wording.Of("NPWP wajib diisi.");
            return false;
        }

        var text = IdentifierText.StripSeparators(input, ".-");
        if (!IdentifierText.IsAsciiDigits(text) || text.Length is not (15 or 16))
        {
            error = Wording.Of("NPWP harus 15 angka (format lama 99.999.999.9-999.999) atau 16 angka.");
            return false;
        }

        npwp = new Npwp(text.Length == 15 ? "0" + text : text);
        error = string.Empty;
        return true;
    }

    public static Npwp Parse(string? input, string field = "npwp") =>
        TryParse(input, out var npwp, out var error) ? npwp : throw new DomainValidationException(field, error);

    public override string ToString() => Value;
}
