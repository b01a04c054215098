using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Sipp.Data.Uploads;
using Sipp.Web.Infrastructure.Files;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>Writes templates and the checked copy of an upload ("Status" and "Keterangan" added), streamed to the response.</summary>
public static class UploadFiles
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static async Task WriteTemplateAsync(Stream output, UploadDefinition definition, UploadFormat format, CancellationToken cancellationToken)
    {
        var example = new Dictionary<string, object?>();
        for (var i = 0; i < definition.Columns.Count; i++)
        {
            example[definition.Columns[i]] = definition.Example[i];
        }

        await WriteAsync(output, format, definition.Columns, [example], cancellationToken);
    }

    /// <summary>
    /// "Upload Perubahan Upah" filled in with the division's current workers and the wage each has in
    /// <paramref name="period"/>, that period as the start: edited in Excel and uploaded back, only the changed rows change.
    /// In SIPP Online's layout the same columns carry SIPP's names (ADR 0020), which the upload takes as aliases.
    /// </summary>
    public static async Task WriteCurrentWagesAsync(
        Stream output, UploadFormat format, UploadLayout layout, IEnumerable<(string? Kpj, string? Number, string Name, long? Upah)> workers, Sipp.Domain.Periods.Period period,
        CancellationToken cancellationToken)
    {
        var columns = layout == UploadLayout.SippOnline ? SippOnlineTemplate.WageColumns : UploadDefinition.Upah.Columns;
        var rows = workers.Select(w => new Dictionary<string, object?>
        {
            [columns[0]] = w.Kpj, [columns[1]] = w.Number, [columns[2]] = CellText.Neutralise(w.Name), [columns[3]] = w.Upah, [columns[4]] = period.ToString(),
        });
        await WriteAsync(output, format, columns, rows, cancellationToken);
    }

    public static async Task WriteCheckedAsync(Stream output, UploadFile file, UploadFormat format, IReadOnlyDictionary<int, string> errors, CancellationToken cancellationToken)
    {
        var headers = file.Headers().Where(h => !h.Equals(UploadDefinition.StatusColumn, StringComparison.OrdinalIgnoreCase)
            && !h.Equals(UploadDefinition.NoteColumn, StringComparison.OrdinalIgnoreCase)).ToList();
        var columns = headers.Append(UploadDefinition.StatusColumn).Append(UploadDefinition.NoteColumn).ToList();
        var rows = file.RawRows().Select(row =>
        {
            var values = new Dictionary<string, object?>();
            foreach (var header in headers)
            {
                values[header] = CellText.Neutralise(row.Values.GetValueOrDefault(header));
            }

            var refused = errors.TryGetValue(row.Number, out var messages);
            values[UploadDefinition.StatusColumn] = refused ? "Ditolak" : "OK";
            values[UploadDefinition.NoteColumn] = refused ? CellText.Neutralise($"Baris {row.Number} — {messages}") : null;
            return values;
        });
        await WriteAsync(output, format, columns, rows, cancellationToken);
    }

    private static async Task WriteAsync(Stream output, UploadFormat format, IReadOnlyList<string> columns, IEnumerable<Dictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        if (format == UploadFormat.Xlsx)
        {
            // MiniExcel needs a seekable stream for the zip directory: write to a temp file, then copy.
            var temp = Path.GetTempFileName();
            try
            {
                await MiniExcel.SaveAsAsync(temp, rows.Select(r => (IDictionary<string, object?>)r), excelType: ExcelType.XLSX, overwriteFile: true, cancellationToken: cancellationToken);
                await using var file = File.OpenRead(temp);
                await file.CopyToAsync(output, cancellationToken);
            }
            finally
            {
                File.Delete(temp);
            }

            return;
        }

        await using var writer = new StreamWriter(output, Utf8WithBom, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                csv.WriteField(row.GetValueOrDefault(column)?.ToString());
            }

            await csv.NextRecordAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
