namespace Sipp.Domain.Identifiers;

/// <summary>Kode Iuran (billing code): 11 digits, the last a Luhn check digit over the first ten.</summary>
public readonly record struct KodeIuran
{
    private KodeIuran(string value) => Value = value;

    public string Value { get; }

    /// <summary>Builds a code from a 10-digit payload (for example a random number) by appending its check digit.</summary>
    public static KodeIuran FromPayload(long payload)
    {
        if (payload is < 0 or > 9_999_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), "Payload Kode Iuran harus 10 digit.");
        }

        var digits = payload.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        return new KodeIuran(digits + (char)('0' + Luhn.CheckDigit(digits)));
    }

    public static bool TryParse(string? input, out KodeIuran code, out string error)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = Wording.Of("Kode Iuran wajib diisi.");
            return false;
        }

        var text = IdentifierText.StripSeparators(input, ".-");
        if (text.Length != 11 || !IdentifierText.IsAsciiDigits(text))
        {
            error = Wording.Of("Kode Iuran harus terdiri dari 11 angka.");
            return false;
        }

        if (!Luhn.IsValid(text))
        {
            error = Wording.Of("Kode Iuran tidak valid (digit pemeriksa tidak cocok); periksa kembali ketikan Anda.");
            return false;
        }

        code = new KodeIuran(text);
        error = string.Empty;
        return true;
    }

    public static KodeIuran Parse(string? input, string field = "kodeIuran") =>
        TryParse(input, out var code, out var error) ? code : throw new DomainValidationException(field, error);

    public override string ToString() => Value;
}
