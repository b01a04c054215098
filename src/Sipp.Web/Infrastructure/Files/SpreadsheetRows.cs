using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Sipp.Data.Uploads;

namespace Sipp.Web.Infrastructure.Files;

/// <summary>One data row of a sheet: its number as the user sees it (header = 1) and its cells by column name.</summary>
/// <param name="Rounded">
/// Identifier columns whose cell Excel stored as a number of 16 digits or more: Excel keeps 15 significant digits, so the
/// last ones are already lost (a NIK typed into a number cell) and the value must not be taken.
/// </param>
/// <param name="Problems">Messages by column already known before the row's checks (a translation from another template).</param>
/// <param name="Shown">The cells under the file's own column names, when <paramref name="Values"/> were renamed or translated.</param>
public sealed record SheetRow(
    int Number, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string>? Rounded = null, IReadOnlyDictionary<string, string[]>? Problems = null,
    IReadOnlyDictionary<string, string?>? Shown = null)
{
    /// <summary>What the file holds in a column, under its own name or Sipp's.</summary>
    public string? Cell(string column) => Shown?.GetValueOrDefault(column) ?? Values.GetValueOrDefault(column);
}

/// <summary>
/// Streams the rows of an inspected workbook — .xlsx or old .xls, its data sheet — or CSV (delimiter ; , or tab) as text,
/// one at a time. Real Excel dates become yyyy-mm-dd; numbers in identifier columns keep every digit.
/// </summary>
public static class SpreadsheetRows
{
    /// <summary>
    /// The header row, and the sheet it is on when a workbook has several: the first sheet whose row 1 is a header as
    /// <paramref name="isHeader"/> judges it, so that instructions or code lists before or after the data are passed over.
    /// The sheet is null for a CSV, a workbook of one sheet, or when no sheet's row 1 is a header (the first is read).
    /// </summary>
    public static (string? Sheet, IReadOnlyList<string> Headers) Header(
        string path, UploadFormat format, Encoding? encoding, SheetLimits limits, Func<IReadOnlyList<string>, bool> isHeader)
    {
        if (format != UploadFormat.Csv)
        {
            var sheets = (format == UploadFormat.Xls ? XlsSheetReader.FirstRows(path, limits) : XlsxSheetReader.FirstRows(path, limits))
                .Select(s => (s.Name, Headers: s.First is { } row ? HeaderNames(row) : []))
                .ToList();
            var data = sheets.Count > 1 ? sheets.FindIndex(s => isHeader(s.Headers)) : -1;
            return data < 0 ? (null, sheets.FirstOrDefault().Headers ?? []) : (sheets[data].Name, sheets[data].Headers);
        }

        return (null, Headers(path, format, encoding, null, limits));
    }

    /// <summary>The header row of a CSV, or of the workbook's sheet named (the first when null) — the one an upload kept.</summary>
    public static IReadOnlyList<string> Headers(string path, UploadFormat format, Encoding? encoding, string? sheet, SheetLimits limits)
    {
        if (format != UploadFormat.Csv)
        {
            return SheetRows(path, format, sheet, limits, CancellationToken.None).FirstOrDefault() is { } row ? HeaderNames(row) : [];
        }

        using var reader = OpenCsv(path, encoding!, limits);
        return ReadHeader(reader, limits) is { } headers ? headers.Select(h => Clean(h)).Where(h => h.Length > 0).ToList() : [];
    }

    private static List<string> HeaderNames(XlsxRow row) =>
        row.Cells.OrderBy(c => c.Key).Select(c => Clean(c.Value.ToString())).Where(h => h.Length > 0).ToList();

    /// <summary>The data rows, within <paramref name="limits"/>; cancellation is honoured between rows.</summary>
    public static IEnumerable<SheetRow> Read(
        string path, UploadFormat format, Encoding? encoding, string? sheet, IReadOnlySet<string> dateColumns, IReadOnlySet<string> digitColumns,
        SheetLimits limits, CancellationToken cancellationToken = default)
    {
        return format == UploadFormat.Csv
            ? ReadCsv(path, encoding!, limits, cancellationToken)
            : ReadSheet(SheetRows(path, format, sheet, limits, cancellationToken), dateColumns, digitColumns);
    }

    /// <summary>The rows of a workbook's sheet (the first when null), .xlsx or old .xls, as cell values by column index.</summary>
    private static IEnumerable<XlsxRow> SheetRows(string path, UploadFormat format, string? sheet, SheetLimits limits, CancellationToken cancellationToken) =>
        format == UploadFormat.Xls ? XlsSheetReader.Rows(path, limits, sheet, cancellationToken) : XlsxSheetReader.Rows(path, limits, sheet, cancellationToken);

    /// <summary>Trimmed, inner white space collapsed: how header names are compared.</summary>
    public static string Clean(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[])[' ', '\t', '\r', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<SheetRow> ReadSheet(IEnumerable<XlsxRow> rows, IReadOnlySet<string> dateColumns, IReadOnlySet<string> digitColumns)
    {
        Dictionary<int, string>? headers = null; // column index → cleaned header name, from the first row
        foreach (var row in rows)
        {
            if (headers is null)
            {
                headers = row.Cells.ToDictionary(c => c.Key, c => Clean(c.Value.ToString()));
                continue;
            }

            var values = new Dictionary<string, string?>(headers.Count, StringComparer.OrdinalIgnoreCase);
            List<string>? rounded = null;
            var blank = true;
            foreach (var (index, value) in row.Cells)
            {
                if (headers.TryGetValue(index, out var column) && column.Length > 0)
                {
                    var text = Cell(column, value, dateColumns, digitColumns);
                    blank &= string.IsNullOrWhiteSpace(text);
                    values[column] = text;
                    if (value is double and >= 1e15 && digitColumns.Contains(column))
                    {
                        (rounded ??= []).Add(column);
                    }
                }
            }

            if (!blank)
            {
                yield return new SheetRow(row.Number, values, rounded);
            }
        }
    }

    private static string? Cell(string column, object? value, IReadOnlySet<string> dateColumns, IReadOnlySet<string> digitColumns) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when dateColumns.Contains(column) && number is >= 1 and < 2958466 =>
            DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when digitColumns.Contains(column) => number.ToString("0", CultureInfo.InvariantCulture),
        double number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => value.ToString()?.Trim(),
    };

    private static IEnumerable<SheetRow> ReadCsv(string path, Encoding encoding, SheetLimits limits, CancellationToken cancellationToken)
    {
        using var reader = OpenCsv(path, encoding, limits);
        if (ReadHeader(reader, limits) is not { } header)
        {
            yield break;
        }

        var headers = header.Select(h => Clean(h)).ToArray();
        long cells = headers.Length;
        while (Next(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.Parser.Count > limits.MaxColumns)
            {
                throw limits.TooManyColumns(reader.Parser.Row);
            }

            cells += Math.Max(1, reader.Parser.Count);
            if (cells > limits.MaxCells)
            {
                throw limits.TooManyCells();
            }

            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var blank = true;
            for (var i = 0; i < headers.Length; i++)
            {
                var text = reader.TryGetField<string>(i, out var field) ? field?.Trim() : null;
                blank &= string.IsNullOrEmpty(text);
                if (headers[i].Length > 0)
                {
                    values[headers[i]] = text;
                }
            }

            if (!blank)
            {
                yield return new SheetRow(reader.Parser.Row, values);
            }
        }
    }

    /// <summary>The header record, refused past the column limit before anything else is read.</summary>
    private static string[]? ReadHeader(CsvReader reader, SheetLimits limits)
    {
        if (!Next(reader) || !reader.ReadHeader())
        {
            return null;
        }

        return reader.HeaderRecord!.Length > limits.MaxColumns ? throw limits.TooManyColumns(1) : reader.HeaderRecord;
    }

    private static bool Next(CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (MaxFieldSizeException)
        {
            throw SheetLimits.CellTooLong();
        }
    }

    private static CsvReader OpenCsv(string path, Encoding encoding, SheetLimits limits)
    {
        string firstLine;
        using (var sniff = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true))
        {
            firstLine = sniff.ReadLine() ?? string.Empty;
        }

        // A fresh reader, so that the byte order mark is recognised and skipped.
        var stream = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        // Counted, not split: a header line of millions of separators must not become millions of strings. Far more
        // separators than columns allowed is refused before the parser holds them all (quoted ones cannot explain it).
        var (delimiter, separators) = new[] { ';', ',', '\t' }.Select(d => (d, firstLine.AsSpan().Count(d))).MaxBy(d => d.Item2);
        if (separators >= limits.MaxColumns * 10)
        {
            throw limits.TooManyColumns(1);
        }

        return new CsvReader(stream, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
            MaxFieldSize = SheetLimits.MaxCellCharacters,
        });
    }
}
