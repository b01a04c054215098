using System.Globalization;
using System.Text;

namespace Sipp.Domain.Identifiers;

/// <summary>
/// A person's name: trimmed, inner white space collapsed, 1–100 characters of letters (any script), spaces
/// and ' . , -. Academic titles (gelar) are a separate field.
/// </summary>
public readonly record struct PersonName
{
    public const int MaxLength = 100;

    private PersonName(string value) => Value = value;

    public string Value { get; }

    /// <summary>Upper-cased, single-spaced form used to compare names "ignoring case and spacing".</summary>
    public string Normalized => Value.ToUpperInvariant();

    public static bool TryParse(string? input, out PersonName name, out string error, string label = "Nama")
    {
        name = default;
        var collapsed = Collapse(input);
        if (collapsed.Length == 0)
        {
            error = Wording.Of($"{Wording.OfName(label)} wajib diisi.");
            return false;
        }

        if (collapsed.Length > MaxLength)
        {
            error = Wording.Of($"{Wording.OfName(label)} paling panjang {MaxLength} karakter.");
            return false;
        }

        foreach (var rune in collapsed.EnumerateRunes())
        {
            var allowed = Rune.IsLetter(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                || rune.Value is ' ' or '\'' or '.' or ',' or '-';
            if (!allowed)
            {
                error = Wording.Of($"{Wording.OfName(label)} hanya boleh berisi huruf, spasi dan tanda ' . , - (gelar diisi terpisah).");
                return false;
            }
        }

        if (!collapsed.EnumerateRunes().Any(Rune.IsLetter))
        {
            error = Wording.Of($"{Wording.OfName(label)} harus memuat huruf.");
            return false;
        }

        name = new PersonName(collapsed.Normalize(NormalizationForm.FormC));
        error = string.Empty;
        return true;
    }

    public static PersonName Parse(string? input, string field = "nama", string label = "Nama") =>
        TryParse(input, out var name, out var error, label) ? name : throw new DomainValidationException(field, error);

    /// <summary>True when both names are the same ignoring case and spacing.</summary>
    public static bool SameName(string? a, string? b) =>
        string.Equals(Collapse(a), Collapse(b), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(input.Length);
        var pendingSpace = false;
        foreach (var c in input.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public override string ToString() => Value;
}
