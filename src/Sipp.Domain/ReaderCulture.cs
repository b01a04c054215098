using System.Globalization;

namespace Sipp.Domain;

/// <summary>
/// The language values are written in: English when the person chose it (the request's culture), Indonesian
/// otherwise — Sipp's default, whatever the machine's settings.
/// </summary>
public static class ReaderCulture
{
    public static CultureInfo Indonesian { get; } = CultureInfo.GetCultureInfo("id-ID");

    public static bool IsEnglish => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en";

    /// <summary>The culture to format dates and numbers in: the chosen English one, else Indonesian.</summary>
    public static CultureInfo Current => IsEnglish ? CultureInfo.CurrentCulture : Indonesian;
}
