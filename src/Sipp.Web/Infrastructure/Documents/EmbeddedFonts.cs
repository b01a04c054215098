using PdfSharp.Fonts;

namespace Sipp.Web.Infrastructure.Documents;

/// <summary>
/// PDFsharp's fonts: DejaVu Sans Condensed (regular and bold), shipped inside the assembly with its licence
/// (Fonts/LICENSE), so a PDF looks the same on every server and covers every Indonesian letter.
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans Condensed";
    private static readonly Lock Gate = new();

    /// <summary>PDFsharp takes one resolver per process, before the first font is used.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSansCondensed-Bold" : "DejaVuSansCondensed");

    public byte[]? GetFont(string faceName)
    {
        using var resource = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Sipp.Web.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }
}
