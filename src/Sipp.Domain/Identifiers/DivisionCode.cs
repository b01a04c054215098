namespace Sipp.Domain.Identifiers;

/// <summary>Division (divisi / unit kerja) of a company: exactly 3 digits, 000 = head office.</summary>
public readonly record struct DivisionCode
{
    private DivisionCode(string value) => Value = value;

    public string Value { get; }

    public bool IsHeadOffice => Value == "000";

    public static bool TryParse(string? input, out DivisionCode division, out string error)
    {
        division = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = Wording.Of("Divisi wajib diisi.");
            return false;
        }

        var text = input.Trim();
        if (text.Length != 3 || !IdentifierText.IsAsciiDigits(text))
        {
            error = Wording.Of("Divisi harus terdiri dari 3 angka (000 untuk kantor pusat).");
            return false;
        }

        division = new DivisionCode(text);
        error = string.Empty;
        return true;
    }

    public static DivisionCode Parse(string? input, string field = "divisi") =>
        TryParse(input, out var division, out var error) ? division : throw new DomainValidationException(field, error);

    public override string ToString() => Value;
}
