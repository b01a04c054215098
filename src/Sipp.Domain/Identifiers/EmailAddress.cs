namespace Sipp.Domain.Identifiers;

/// <summary>Email address: trimmed, lower-cased, one @, a domain with a dot, at most 254 characters.</summary>
public readonly record struct EmailAddress
{
    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public string LocalPart => Value[..Value.IndexOf('@', StringComparison.Ordinal)];

    public static bool TryParse(string? input, out EmailAddress email, out string error)
    {
        email = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = Wording.Of("Email wajib diisi.");
            return false;
        }

        var text = input.Trim().ToLowerInvariant();
        if (text.Length > 254)
        {
            error = Wording.Of("Email paling panjang 254 karakter.");
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0
            && at == text.LastIndexOf('@')
            && !text.Any(char.IsWhiteSpace)
            && text.IndexOf('.', at) is var dot && dot > at + 1 && dot < text.Length - 1
            && !text.EndsWith('.')
            && !text.Contains("..", StringComparison.Ordinal);
        if (!valid)
        {
            error = Wording.Of("Format email tidak valid (contoh: nama@perusahaan.co.id).");
            return false;
        }

        email = new EmailAddress(text);
        error = string.Empty;
        return true;
    }

    public static EmailAddress Parse(string? input, string field = "email") =>
        TryParse(input, out var email, out var error) ? email : throw new DomainValidationException(field, error);

    public override string ToString() => Value;
}
