using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;

namespace Sipp.Web.Infrastructure.Files;

/// <summary>
/// The row count an .xlsx declares for its first sheet (the &lt;dimension ref="A1:T100001"/&gt; near the start of the
/// sheet), read without reading the rows. Null when the sheet does not declare it.
/// </summary>
public static partial class SheetDimension
{
    public static int? DeclaredRows(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var sheet = FirstSheetPath(archive);
        if (sheet is null || archive.GetEntry(sheet) is not { } entry)
        {
            return null;
        }

        using var reader = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "dimension")
            {
                var match = LastRow().Match(reader.GetAttribute("ref") ?? string.Empty);
                return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            }

            if (reader.LocalName == "sheetData")
            {
                return null; // the rows begin: no dimension declared
            }
        }

        return null;
    }

    /// <summary>The part of the workbook's first sheet, through the workbook's relationships.</summary>
    private static string? FirstSheetPath(ZipArchive archive)
    {
        string? relationId = null;
        using (var workbook = XmlReader.Create(archive.GetEntry("xl/workbook.xml")!.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            while (workbook.Read() && relationId is null)
            {
                if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet")
                {
                    relationId = workbook.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                }
            }
        }

        if (relationId is null || archive.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return null;
        }

        using var relations = XmlReader.Create(rels.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (relations.Read())
        {
            if (relations.NodeType == XmlNodeType.Element && relations.LocalName == "Relationship" && relations.GetAttribute("Id") == relationId)
            {
                var target = relations.GetAttribute("Target")!;
                return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Z]+\d+:[A-Z]+(\d+)$|^[A-Z]+(\d+)$")]
    private static partial Regex LastRow();
}
