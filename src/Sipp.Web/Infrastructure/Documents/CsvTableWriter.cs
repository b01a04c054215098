using Sipp.Web.Infrastructure.Files;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Sipp.Web.Infrastructure.Documents;

/// <summary>
/// CSV in UTF-8 with a byte-order mark (so Excel reads the text right), comma- or semicolon-separated (Indonesian Excel
/// expects ';'). Money and numbers as plain digits, dates as yyyy-MM-dd; formula-like text neutralised; a total row.
/// </summary>
public static class CsvTableWriter
{
    public static async Task WriteAsync(TableDocument document, Stream output, bool semicolon, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = semicolon ? ";" : "," };
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, configuration);
        foreach (var column in document.Columns)
        {
            csv.WriteField(column.Title);
        }

        await csv.NextRecordAsync();
        var totals = new ColumnTotals(document.Columns);
        await foreach (var row in document.Rows.WithCancellation(cancellationToken))
        {
            totals.Add(row);
            WriteRow(csv, row);
            await csv.NextRecordAsync();
        }

        if (document.HasTotals)
        {
            WriteRow(csv, totals.Row());
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    private static void WriteRow(CsvWriter csv, object?[] row)
    {
        foreach (var cell in row)
        {
            csv.WriteField(cell switch
            {
                null => string.Empty,
                string text => CellText.Neutralise(text),
                long number => number.ToString(CultureInfo.InvariantCulture),
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => CellText.Neutralise(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty),
            });
        }
    }
}
