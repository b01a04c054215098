using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sipp.Web.Infrastructure.Documents;

/// <summary>
/// An .xlsx workbook of one sheet: the title and facts, then the table with a frozen header row, money as numbers in a
/// Rupiah format, dates as dates, a total row, formula-like text neutralised. The sheet is written row by row with the
/// OpenXML SDK's <see cref="OpenXmlWriter"/> into a temporary file (the SDK needs a seekable stream; a response is
/// not), which is then copied out: memory does not grow with the number of rows.
/// </summary>
public static class XlsxTableWriter
{
    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint MoneyStyle = 3;
    private const uint DateStyle = 4;
    private const uint TotalMoneyStyle = 5;

    public static async Task WriteAsync(TableDocument document, Stream output, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "sipp-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var workbook = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            await WriteWorkbookAsync(workbook, document, cancellationToken);
        }

        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    private static async Task WriteWorkbookAsync(SpreadsheetDocument workbook, TableDocument document, CancellationToken cancellationToken)
    {
        var workbookPart = workbook.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            var headerRow = (uint)document.Facts.Count + 3; // title, facts, a blank row, then the header
            writer.WriteStartElement(new Worksheet());
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
        }

        using var books = OpenXmlWriter.Create(workbookPart);
        books.WriteStartElement(new Workbook());
        books.WriteStartElement(new Sheets());
        books.WriteElement(new Sheet { Name = "Laporan", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) });
        books.WriteEndElement();
        books.WriteEndElement();
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
