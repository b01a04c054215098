using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Web.Infrastructure.Files;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>
/// Checks every row of a batch and stores the refused rows with their reasons. Progress is saved after each chunk so
/// the page can show it. A file over 100,000 rows is refused from its size alone, before any row is checked.
/// </summary>
public sealed class UploadChecker(SippDbContext db, UploadStorage storage, TimeProvider clock)
{
    public const int ChunkSize = 1_000;

    public async Task CheckAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await db.UploadBatches.SingleAsync(b => b.Id == batchId, cancellationToken);
        if (batch.State != UploadState.Diperiksa)
        {
            return;
        }

        // A check that was interrupted (a restart) starts again from the first row.
        await db.UploadRowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        batch.CheckedRows = 0;
        batch.ErrorRows = 0;
        var file = UploadFile.Open(storage.PathOf(batchId), batch);
        batch.TotalRows = file.CountRows();
        if (batch.TotalRows > UploadDefinition.MaxRows)
        {
            var indonesian = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
            await RefuseAsync(batch, string.Create(indonesian, $"File berisi {batch.TotalRows:#,0} baris; paling banyak {UploadDefinition.MaxRows:#,0} baris per upload. Bagi menjadi beberapa file."), cancellationToken);
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var validator = await UploadValidation.CreateAsync(db, batch, today, cancellationToken);
        var dataRows = 0;
        foreach (var chunk in file.Rows().Chunk(ChunkSize))
        {
            var errors = await validator.ErrorsAsync(chunk, cancellationToken);
            db.UploadRowErrors.AddRange(errors.Select(e => new UploadRowError { BatchId = batchId, RowNumber = e.RowNumber, Messages = e.Messages }));
            dataRows += chunk.Length;
            batch.CheckedRows = dataRows;
            batch.ErrorRows += errors.Count;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.Attach(batch);
        }

        if (dataRows == 0)
        {
            await RefuseAsync(batch, "File tidak berisi data di bawah baris judul.", cancellationToken);
            return;
        }

        batch.TotalRows = dataRows;
        batch.State = UploadState.SiapImpor;
        batch.CheckedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RefuseAsync(UploadBatch batch, string reason, CancellationToken cancellationToken)
    {
        batch.State = UploadState.Ditolak;
        batch.Refusal = reason;
        batch.CheckedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        storage.Delete(batch.Id);
    }
}

/// <summary>An inspected, stored upload: its header check and its rows.</summary>
public sealed class UploadFile
{
    private readonly string _path;
    private readonly UploadBatch _batch;
    private readonly System.Text.Encoding? _encoding;

    private UploadFile(string path, UploadBatch batch, System.Text.Encoding? encoding)
    {
        _path = path;
        _batch = batch;
        _encoding = encoding;
    }

    public UploadDefinition Definition => UploadDefinition.Of(_batch.Kind);

    public static UploadFile Open(string path, UploadBatch batch) =>
        new(path, batch, SpreadsheetInspection.Inspect(path, batch.FileName).Encoding);

    public IReadOnlyList<string> Headers() => SpreadsheetRows.Headers(_path, _batch.Format, _encoding);

    public IEnumerable<SheetRow> Rows() => SpreadsheetRows.Read(_path, _batch.Format, _encoding, Definition.DateColumns, Definition.DigitColumns);

    /// <summary>Data rows below the header, from the sheet's dimension or the CSV's line count (blank lines included).</summary>
    public int CountRows()
    {
        if (_batch.Format == UploadFormat.Xlsx)
        {
            // The declared size when there is one; otherwise the rows are counted (which reads the sheet once more).
            var rows = SheetDimension.DeclaredRows(_path) ?? MiniExcelLibs.MiniExcel.GetSheetDimensions(_path).FirstOrDefault()?.Rows.Count ?? 0;
            return Math.Max(0, rows - 1);
        }

        var lines = 0;
        var lastByte = (byte)'\n';
        using var stream = File.OpenRead(_path);
        Span<byte> buffer = stackalloc byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer[..read].Count((byte)'\n');
            lastByte = buffer[read - 1];
        }

        if (lastByte != (byte)'\n')
        {
            lines++;
        }

        return Math.Max(0, lines - 1);
    }
}
