using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace Sipp.Web.Tests.Reports;

/// <summary>Reads downloaded reports with readers independent of the writers: CsvHelper, the OpenXML SDK and PdfPig.</summary>
public static class ReportFiles
{
    public static List<string[]> Csv(byte[] file, char delimiter = ',')
    {
        Assert.True(file.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "CSV must start with the UTF-8 byte-order mark");
        using var reader = new StreamReader(new MemoryStream(file), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter.ToString(), HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? string.Empty).ToArray());
        }

        return rows;
    }

    /// <summary>The sheet's rows as text (numbers in invariant digits), with the frozen row count and whether any cell holds a formula.</summary>
    public static (List<string[]> Rows, double FrozenRows, bool AnyFormula, List<string> MoneyCellTypes) Xlsx(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = sheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
        var rows = new List<string[]>();
        var anyFormula = false;
        var types = new List<string>();
        foreach (var row in sheet.GetFirstChild<SheetData>()!.Elements<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                anyFormula |= cell.CellFormula is not null;
                cells.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty);
                if (cell.StyleIndex?.Value is 3 or 5)
                {
                    types.Add(cell.DataType is null || cell.DataType.Value == CellValues.Number ? "Number" : "Text");
                }
            }

            rows.Add(cells.ToArray());
        }

        return (rows, pane?.VerticalSplit?.Value ?? 0, anyFormula, types);
    }

    /// <summary>The text of each page.</summary>
    public static List<string> PdfPages(byte[] file)
    {
        using var pdf = PdfDocument.Open(file);
        return pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    public static long Number(string text) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
