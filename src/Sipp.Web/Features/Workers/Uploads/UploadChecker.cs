using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Uploads;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Sipp.Web.Infrastructure.Files;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>
/// Checks every row of a batch and stores the refused rows with their reasons. Progress is saved after each chunk so
/// the page can show it. A file over 100,000 rows is refused from the size it declares, before any row is checked;
/// an .xlsx that declares none is refused as soon as its 100,001st row is read.
/// </summary>
public sealed class UploadChecker(SippDbContext db, UploadStorage storage, IOptions<UploadOptions> options, TimeProvider clock)
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
        var declared = file.DeclaredRows();
        batch.TotalRows = declared ?? 0; // 0: not known until the rows are read
        if (declared > MaxRows)
        {
            await RefuseAsync(batch, TooManyRows(declared.Value), cancellationToken);
            return;
        }

        var today = clock.JakartaToday();
        var validator = await UploadValidation.CreateAsync(db, batch, today, cancellationToken);
        var dataRows = 0;
        await foreach (var prepared in file.ChunksAsync(ChunkSize, validator.Prepare, cancellationToken))
        {
            var results = await validator.CompleteAsync(prepared, cancellationToken);
            dataRows += results.Count;
            if (dataRows > MaxRows)
            {
                await db.UploadRowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);
                (batch.CheckedRows, batch.ErrorRows) = (0, 0);
                await RefuseAsync(batch, TooManyRows(null), cancellationToken);
                return;
            }

            var refused = results.Where(r => !r.IsValid).ToList();
            db.UploadRowErrors.AddRange(refused.Select(r => new UploadRowError { BatchId = batchId, RowNumber = r.RowNumber, Messages = UploadValidation.Describe(r.Errors) }));
            batch.CheckedRows = dataRows;
            batch.ErrorRows += refused.Count;
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

    private int MaxRows => options.Value.MaxRows;

    /// <summary>The refusal of a file over the limit; <paramref name="rows"/> when the file declares its size.</summary>
    private string TooManyRows(int? rows)
    {
        var indonesian = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        var size = rows is { } count ? count.ToString("#,0", indonesian) : "lebih dari " + MaxRows.ToString("#,0", indonesian);
        return string.Create(indonesian, $"File berisi {size} baris; paling banyak {MaxRows:#,0} baris per upload. Bagi menjadi beberapa file.");
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

    /// <summary>
    /// The rows in chunks, read and prepared on another thread while the caller checks the previous chunk against the
    /// database, so that both cores work. A reading error surfaces from the enumeration.
    /// </summary>
    public async IAsyncEnumerable<T> ChunksAsync<T>(int size, Func<SheetRow[], T> prepare, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var chunk in Rows().Chunk(size))
                    {
                        await channel.Writer.WriteAsync(prepare(chunk), stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return chunk;
            }
        }
        finally
        {
            await stop.CancelAsync(); // the caller may stop early: let the reader go
            await reading;
        }
    }

    /// <summary>
    /// Data rows below the header as the file declares them: the .xlsx sheet's dimension (null when it has none) or
    /// the CSV's line count (blank lines included).
    /// </summary>
    public int? DeclaredRows()
    {
        if (_batch.Format == UploadFormat.Xlsx)
        {
            return XlsxSheetReader.DeclaredLastRow(_path) is { } last ? Math.Max(0, last - 1) : null;
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
