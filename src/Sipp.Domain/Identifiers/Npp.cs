namespace Sipp.Domain.Identifiers;

/// <summary>NPP (Nomor Pendaftaran Perusahaan): exactly 8 digits.</summary>
public readonly record struct Npp
{
    private Npp(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out Npp npp, out string error)
    {
        npp = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = Wording.Of("NPP wajib diisi.");
            return false;
        }

        var text = input.Trim();
        if (text.Length != 8 || !IdentifierText.IsAsciiDigits(text))
        {
            error = Wording.Of("NPP harus terdiri dari 8 angka.");
            return false;
        }

        npp = new Npp(text);
        error = string.Empty;
        return true;
    }

    public static Npp Parse(string? input, string field = "npp") =>
        TryParse(input, out var npp, out var error) ? npp : throw new DomainValidationException(field, error);

    public override string ToString() => Value;
}
