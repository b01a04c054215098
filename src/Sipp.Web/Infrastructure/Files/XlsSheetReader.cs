using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Sipp.Web.Infrastructure.Files;

/// <summary>
/// Reads one sheet (the first, unless named) of an old Excel workbook (.xls, BIFF8 — what SIPP Online's templates are) through
/// ExcelDataReader, as rows of cell values like <see cref="XlsxSheetReader"/>: numbers as doubles, date-formatted cells
/// as dates, text as text. The same <see cref="SheetLimits"/> bound the columns, cells and length of a cell.
/// </summary>
public static class XlsSheetReader
{
    /// <summary>Whether the file opens as a workbook, and whether it failed for being encrypted.</summary>
    public static (bool Readable, bool Encrypted) Probe(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = Open(stream);
            return (true, false);
        }
        catch (InvalidPasswordException)
        {
            return (false, true);
        }
        catch (Exception e) when (e is ExcelReaderException or InvalidDataException or NotSupportedException or IOException or ArgumentException or IndexOutOfRangeException)
        {
            return (false, false);
        }
    }

    /// <summary>
    /// The rows of the sheet named <paramref name="sheet"/> (the first sheet when null), within <paramref name="limits"/>;
    /// cancellation is honoured between rows.
    /// </summary>
    public static IEnumerable<XlsxRow> Rows(string path, SheetLimits limits, string? sheet = null, CancellationToken cancellationToken = default)
    {
        using var stream = File.OpenRead(path);
        using var reader = Open(stream);
        if (!MoveTo(reader, sheet))
        {
            yield break;
        }

        long cells = 0;
        var number = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            cells += Math.Max(1, reader.FieldCount);
            if (cells > limits.MaxCells)
            {
                throw limits.TooManyCells();
            }

            yield return Row(reader, number, limits);
        }
    }

    /// <summary>Every sheet's name, in the workbook's order, with its first row (null for an empty sheet); the workbook is opened once.</summary>
    public static IEnumerable<(string Name, XlsxRow? First)> FirstRows(string path, SheetLimits limits)
    {
        using var stream = File.OpenRead(path);
        using var reader = Open(stream);
        do
        {
            yield return (reader.Name ?? string.Empty, reader.Read() ? Row(reader, 1, limits) : null);
        }
        while (reader.NextResult());
    }

    /// <summary>The rows the sheet declares (its dimensions), read without reading a row.</summary>
    public static int? DeclaredLastRow(string path, string? sheet = null)
    {
        using var stream = File.OpenRead(path);
        using var reader = Open(stream);
        return MoveTo(reader, sheet) ? reader.RowCount : null;
    }

    /// <summary>The current row's values by column index, refused past the column or cell-length limit.</summary>
    private static XlsxRow Row(IExcelDataReader reader, int number, SheetLimits limits)
    {
        if (reader.FieldCount > limits.MaxColumns)
        {
            throw limits.TooManyColumns(number);
        }

        var values = new Dictionary<int, object>();
        for (var column = 0; column < reader.FieldCount; column++)
        {
            switch (reader.GetValue(column))
            {
                case null:
                    break;
                case string { Length: > SheetLimits.MaxCellCharacters }:
                    throw SheetLimits.CellTooLong();
                case var value:
                    values[column] = value;
                    break;
            }
        }

        return new XlsxRow(number, values);
    }

    /// <summary>Moves to the sheet named (the reader starts on the first); false when the workbook has no such sheet.</summary>
    private static bool MoveTo(IExcelDataReader reader, string? sheet)
    {
        while (sheet is not null && !string.Equals(reader.Name, sheet, StringComparison.OrdinalIgnoreCase))
        {
            if (!reader.NextResult())
            {
                return false;
            }
        }

        return true;
    }

    // Old workbooks without a code page record are Windows-1252 (registered at start-up, Program).
    private static IExcelDataReader Open(Stream stream) =>
        ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(1252) });
}
