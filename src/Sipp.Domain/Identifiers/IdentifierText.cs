namespace Sipp.Domain.Identifiers;

internal static class IdentifierText
{
    /// <summary>Removes the separators people type inside numbers (spaces, dots, dashes).</summary>
    public static string StripSeparators(string input, string separators)
    {
        Span<char> buffer = input.Length <= 256 ? stackalloc char[input.Length] : new char[input.Length];
        var length = 0;
        foreach (var c in input)
        {
            if (!char.IsWhiteSpace(c) && separators.IndexOf(c) < 0)
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]);
    }

    public static bool IsAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static int TwoDigits(string text, int start) => ((text[start] - '0') * 10) + (text[start + 1] - '0');
}
