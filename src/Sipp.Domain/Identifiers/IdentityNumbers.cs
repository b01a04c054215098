namespace Sipp.Domain.Identifiers;

/// <summary>
/// How a typed NIK or passport number is compared with the registry's: spaces, dots and dashes people type are
/// ignored, and case. The one comparison for the "Ya" path of "Tambah Tenaga Kerja" and the uploads that confirm a KPJ.
/// </summary>
public static class IdentityNumbers
{
    public static string Normalize(string text) => new string(text.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();

    public static bool Same(string typed, string? registered) =>
        registered is not null && string.Equals(Normalize(typed), Normalize(registered), StringComparison.Ordinal);
}
