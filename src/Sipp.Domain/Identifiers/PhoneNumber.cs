namespace Sipp.Domain.Identifiers;

/// <summary>Indonesian mobile number, stored as +628… with 9–12 digits after +62.</summary>
public readonly record struct PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    /// <summary>E.164 form: +6281234567890.</summary>
    public string Value { get; }

    /// <summary>For people, with the last four digits only: 0812****7890.</summary>
    public string Masked => "0" + Value[3..6] + new string('*', Value.Length - 10) + Value[^4..];

    public static bool TryParse(string? input, out PhoneNumber phone, out string error)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = Wording.Of("Nomor Handphone wajib diisi.");
            return false;
        }

        var text = IdentifierText.StripSeparators(input, "-().");
        string national;
        if (text.StartsWith("+62", StringComparison.Ordinal))
        {
            national = text[3..];
        }
        else if (text.StartsWith("62", StringComparison.Ordinal))
        {
            national = text[2..];
        }
        else if (text.StartsWith('0'))
        {
            national = text[1..];
        }
        else
        {
            error = Wording.Of("Nomor Handphone harus diawali 08, 628 atau +628.");
            return false;
        }

        if (!IdentifierText.IsAsciiDigits(national) || !national.StartsWith('8'))
        {
            error = Wording.Of("Nomor Handphone harus diawali 08, 628 atau +628 dan hanya berisi angka.");
            return false;
        }

        if (national.Length is < 9 or > 12)
        {
            error = Wording.Of("Nomor Handphone harus 10–13 angka (ditulis dengan awalan 0).");
            return false;
        }

        phone = new PhoneNumber("+62" + national);
        error = string.Empty;
        return true;
    }

    public static PhoneNumber Parse(string? input, string field = "nomorHandphone") =>
        TryParse(input, out var phone, out var error) ? phone : throw new DomainValidationException(field, error);

    public override string ToString() => Value;
}
