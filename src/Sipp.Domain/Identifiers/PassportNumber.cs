namespace Sipp.Domain.Identifiers;

/// <summary>Passport number of a foreign worker (WNA): 6–12 letters and digits, stored upper-case.</summary>
public readonly record struct PassportNumber
{
    private PassportNumber(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out PassportNumber passport, out string error)
    {
        passport = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = Wording.Of("Nomor Paspor wajib diisi untuk tenaga kerja asing (WNA).");
            return false;
        }

        var text = IdentifierText.StripSeparators(input, "-").ToUpperInvariant();
        if (text.Length is < 6 or > 12 || !text.All(char.IsAsciiLetterOrDigit))
        {
            error = Wording.Of("Nomor Paspor harus 6–12 huruf dan angka.");
            return false;
        }

        passport = new PassportNumber(text);
        error = string.Empty;
        return true;
    }

    public static PassportNumber Parse(string? input, string field = "nomorPaspor") =>
        TryParse(input, out var passport, out var error) ? passport : throw new DomainValidationException(field, error);

    public override string ToString() => Value;
}
