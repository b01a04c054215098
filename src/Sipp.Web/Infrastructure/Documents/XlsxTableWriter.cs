using Sipp.Web.Infrastructure.Files;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sipp.Web.Infrastructure.Documents;

/// <summary>
/// An .xlsx workbook of one sheet: the title and facts, then the table with a frozen header row, money as numbers in a
/// Rupiah format, dates as dates, a total row, formula-like text neutralised. The sheet's XML is written row by row with
/// the OpenXML SDK's <see cref="OpenXmlWriter"/> straight into a ZIP entry (the SDK's own package keeps every part in
/// memory until it is closed: 60 MB for 100,000 rows), in a temporary file that is then copied to the response (the
/// ZIP writer writes synchronously, a response only asynchronously). Memory does not grow with the number of rows.
/// </summary>
public static class XlsxTableWriter
{
    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint MoneyStyle = 3;
    private const uint DateStyle = 4;
    private const uint TotalMoneyStyle = 5;
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static async Task WriteAsync(TableDocument document, Stream output, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "sipp-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{OfficeRelationships}/styles" Target="styles.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", new Workbook(new Sheets(new Sheet { Name = "Laporan", SheetId = 1, Id = "rId1" })).OuterXml);
            Part(zip, "xl/styles.xml", Styles().OuterXml);
            await using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
            {
                await WriteSheetAsync(sheet, document, cancellationToken);
            }
        }

        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var entry = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        entry.Write(xml.TrimStart());
    }

    private static async Task WriteSheetAsync(Stream sheet, TableDocument document, CancellationToken cancellationToken)
    {
        using var writer = OpenXmlWriter.Create(sheet);
        var headerRow = (uint)document.Facts.Count + 3; // title, facts, a blank row, then the header
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet(), [], [new("r", OfficeRelationships)]);
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = headerRow, TopLeftCell = "A" + (headerRow + 1).ToString(CultureInfo.InvariantCulture), ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(document.Columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true,
            Width = c.Kind switch { ColumnKind.Money => 16, ColumnKind.Date => 12, ColumnKind.Number => 10, _ => Math.Max(12, 14 * c.Width) },
        })));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, [document.Title], null, TitleStyle);
        foreach (var (label, value) in document.Facts)
        {
            WriteRow(writer, [label, value], null, 0);
        }

        WriteRow(writer, [], null, 0);
        WriteRow(writer, document.Columns.Select(c => (object?)c.Title).ToArray(), null, HeaderStyle);
        var totals = new ColumnTotals(document.Columns);
        await foreach (var row in document.Rows.WithCancellation(cancellationToken))
        {
            totals.Add(row);
            WriteRow(writer, row, document.Columns, 0);
        }

        if (document.HasTotals)
        {
            WriteRow(writer, totals.Row(), document.Columns, HeaderStyle);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] cells, IReadOnlyList<Column>? columns, uint style)
    {
        writer.WriteStartElement(new Row());
        for (var i = 0; i < cells.Length; i++)
        {
            var kind = columns?[i].Kind ?? ColumnKind.Text;
            var cell = cells[i] switch
            {
                null => null,
                long number => new Cell
                {
                    DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                    StyleIndex = kind == ColumnKind.Money ? (style == HeaderStyle ? TotalMoneyStyle : MoneyStyle) : style,
                },
                DateOnly date => new Cell
                {
                    DataType = CellValues.Number, StyleIndex = DateStyle,
                    CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                },
                var value => new Cell
                {
                    DataType = CellValues.InlineString, StyleIndex = style,
                    InlineString = new InlineString(new Text(CellText.Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty))),
                },
            };
            if (cell is null)
            {
                writer.WriteElement(new Cell { StyleIndex = style });
            }
            else
            {
                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "\"Rp\"\\ #,##0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "dd/mm/yyyy" })
        { Count = 2 },
        new Fonts(new Font(), new Font(new Bold(), new FontSize { Val = 14 }), new Font(new Bold())) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 2, ApplyNumberFormat = true, ApplyFont = true })
        { Count = 6 });
}
