using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Sipp.Web.Infrastructure.Files;

/// <summary>
/// Reads the first sheet of an old Excel workbook (.xls, BIFF8 — what SIPP Online's templates are) through
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

    /// <summary>The rows, within <paramref name="limits"/>; cancellation is honoured between rows.</summary>
    public static IEnumerable<XlsxRow> Rows(string path, SheetLimits limits, CancellationToken cancellationToken = default)
    {
        using var stream = File.OpenRead(path);
        using var reader = Open(stream);
        long cells = 0;
        var number = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            if (reader.FieldCount > limits.MaxColumns)
            {
                throw limits.TooManyColumns(number);
            }

            cells += Math.Max(1, reader.FieldCount);
            if (cells > limits.MaxCells)
            {
                throw limits.TooManyCells();
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

            yield return new XlsxRow(number, values);
        }
    }

    /// <summary>The rows the first sheet declares (its dimensions), read without reading a row.</summary>
    public static int? DeclaredLastRow(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = Open(stream);
        return reader.RowCount;
    }

    // Old workbooks without a code page record are Windows-1252 (registered at start-up, Program).
    private static IExcelDataReader Open(Stream stream) =>
        ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(1252) });
}
