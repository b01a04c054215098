namespace Sipp.Domain.Identifiers;

/// <summary>KPJ (Nomor Peserta): exactly 11 digits. Existence is a registry look-up, never a guess.</summary>
public readonly record struct Kpj
{
    private Kpj(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out Kpj kpj, out string error)
    {
        kpj = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = Wording.Of("Nomor Peserta (KPJ) wajib diisi.");
            return false;
        }

        var text = IdentifierText.StripSeparators(input, ".-");
        if (text.Length != 11 || !IdentifierText.IsAsciiDigits(text))
        {
            error = Wording.Of("Nomor Peserta (KPJ) harus terdiri dari 11 angka.");
            return false;
        }

        kpj = new Kpj(text);
        error = string.Empty;
        return true;
    }

    public static Kpj Parse(string? input, string field = "kpj") =>
        TryParse(input, out var kpj, out var error) ? kpj : throw new DomainValidationException(field, error);

    public override string ToString() => Value;
}
