using Microsoft.EntityFrameworkCore;
using Sipp.Web.Infrastructure.Observability;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Data.Uploads;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Sipp.Web.Infrastructure.Files;
using Sipp.Web.Infrastructure;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>
/// Checks every row of a batch and stores the refused rows with their reasons. Progress is saved after each chunk so
/// the page can show it, renewing the worker's claim; a batch cancelled meanwhile ("Batalkan") stops there. A file over
/// 100,000 rows is refused from the size it declares, before any row is checked; an .xlsx that declares none is refused
/// as soon as its 100,001st row is read, and one past the reading limits (<see cref="SheetLimits"/>) when it passes them.
/// </summary>
public sealed class UploadChecker(
    SippDbContext db, LateChargePlanner lateCharges, UploadStorage storage, Api.Webhooks.WebhookEvents webhooks, IOptions<UploadOptions> options, TimeProvider clock)
{
    public const int ChunkSize = 1_000;

    public async Task CheckAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await ScopeToBatchAsync(batchId, cancellationToken);
        if (batch.State != UploadState.Diperiksa)
        {
            return;
        }

        // A check that was interrupted (a restart) starts again from the first row.
        await db.UploadRowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        await using var copy = await storage.OpenAsync(batchId, cancellationToken);
        if (copy is null)
        {
            await RefuseAsync(batchId, Wording.Of("File upload ini tidak ditemukan lagi. Upload ulang file-nya."), cancellationToken);
            return;
        }

        var file = UploadFile.Open(copy.Path, batch, options.Value.Limits);
        var declared = file.DeclaredRows();
        if (declared > MaxRows)
        {
            await RefuseAsync(batchId, TooManyRows(declared.Value), cancellationToken);
            return;
        }

        if (!await ProgressAsync(batchId, 0, 0, declared ?? 0, cancellationToken))
        {
            return;
        }

        var today = clock.JakartaToday();
        var validator = await UploadValidation.CreateAsync(db, lateCharges, batch, today, cancellationToken);
        var (dataRows, errorRows, unchangedRows) = (0, 0, 0);
        try
        {
            await foreach (var (rows, prepared) in file.ChunksAsync(ChunkSize, rows => (Rows: rows, Prepared: validator.Prepare(rows)), cancellationToken))
            {
                var results = await validator.CompleteAsync(prepared, cancellationToken);
                var byNumber = rows.ToDictionary(r => r.Number);
                dataRows += results.Count;
                if (dataRows > MaxRows)
                {
                    await RefuseAsync(batchId, TooManyRows(null), cancellationToken);
                    return;
                }

                var refused = results.Where(r => !r.IsValid).ToList();
                db.UploadRowErrors.AddRange(refused.Select(r => new UploadRowError
                {
                    BatchId = batchId, RowNumber = r.RowNumber, Worker = UploadValidation.Worker(byNumber[r.RowNumber]),
                    Messages = UploadValidation.Describe(r.Errors, byNumber[r.RowNumber]),
                }));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                errorRows += refused.Count;
                unchangedRows += results.Count(r => r.Value is WageUpdate { Unchanged: true });
                if (!await ProgressAsync(batchId, dataRows, errorRows, null, cancellationToken))
                {
                    return;
                }
            }
        }
        catch (SheetLimitException limit)
        {
            await RefuseAsync(batchId, limit.Message, cancellationToken);
            return;
        }

        if (dataRows == 0)
        {
            await RefuseAsync(batchId, Wording.Of("File tidak berisi data di bawah baris judul."), cancellationToken);
            return;
        }

        await FinishAsync(
            batch,
            batches => batches.ExecuteUpdateAsync(b => b.SetProperty(x => x.State, UploadState.SiapImpor).SetProperty(x => x.TotalRows, dataRows).SetProperty(x => x.UnchangedRows, unchangedRows)
                .SetProperty(x => x.CheckedAt, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.ClaimedUntil, (DateTime?)null), cancellationToken),
            UploadState.SiapImpor, dataRows, errorRows, null, cancellationToken);
        SippMetrics.UploadsChecked.Add(1, new KeyValuePair<string, object?>("outcome", "SiapImpor"));
        SippMetrics.UploadRowsChecked.Add(dataRows);
    }

    private int MaxRows => options.Value.MaxRows;

    /// <summary>Saves the progress and renews the claim; false when the batch was cancelled meanwhile (its rows are dropped).</summary>
    private async Task<bool> ProgressAsync(Guid batchId, int checkedRows, int errorRows, int? totalRows, CancellationToken cancellationToken)
    {
        var claimedUntil = clock.GetUtcNow().UtcDateTime + UploadQueue.Lease;
        var live = await db.UploadBatches.Where(b => b.Id == batchId && b.State == UploadState.Diperiksa).ExecuteUpdateAsync(
            b => b.SetProperty(x => x.CheckedRows, checkedRows).SetProperty(x => x.ErrorRows, errorRows)
                .SetProperty(x => x.TotalRows, x => totalRows ?? x.TotalRows).SetProperty(x => x.ClaimedUntil, claimedUntil), cancellationToken);
        if (live == 0)
        {
            await db.UploadRowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        }

        return live == 1;
    }

    /// <summary>The refusal of a file over the limit; <paramref name="rows"/> when the file declares its size.</summary>
    private string TooManyRows(int? rows)
    {
        return rows is { } count
            ? Wording.Of($"File berisi {count:#,0} baris; paling banyak {MaxRows:#,0} baris per upload. Bagi menjadi beberapa file.")
            : Wording.Of($"File berisi lebih dari {MaxRows:#,0} baris; paling banyak {MaxRows:#,0} baris per upload. Bagi menjadi beberapa file.");
    }

    /// <summary>
    /// Ends the check with <paramref name="finish"/> (an update of the batch while it is still being checked) and, when
    /// this call ended it, queues the "upload checked" webhook in the same transaction.
    /// </summary>
    private async Task FinishAsync(
        UploadBatch batch, Func<IQueryable<UploadBatch>, Task<int>> finish, UploadState state, int rows, int refusedRows, string? refusal, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await finish(db.UploadBatches.Where(b => b.Id == batch.Id && b.State == UploadState.Diperiksa)) == 1)
        {
            await webhooks.UploadAsync(batch, state, rows, refusedRows, refusal, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A claimed batch comes from the queue of every company; its check reads and writes only its own division.</summary>
    private async Task<UploadBatch> ScopeToBatchAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await db.UploadBatches.AsNoTracking().AcrossDivisions().SingleAsync(b => b.Id == batchId, cancellationToken);
        db.ScopeTo(batch.DivisionId);
        return batch;
    }

    /// <summary>The whole file is refused: no row errors are kept, only the reason.</summary>
    public async Task RefuseAsync(Guid batchId, string reason, CancellationToken cancellationToken)
    {
        var batch = await ScopeToBatchAsync(batchId, cancellationToken);
        await db.UploadRowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        await FinishAsync(
            batch,
            batches => batches.ExecuteUpdateAsync(
                b => b.SetProperty(x => x.State, UploadState.Ditolak).SetProperty(x => x.Refusal, reason).SetProperty(x => x.CheckedRows, 0)
                    .SetProperty(x => x.ErrorRows, 0).SetProperty(x => x.CheckedAt, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.ClaimedUntil, (DateTime?)null),
                cancellationToken),
            UploadState.Ditolak, 0, 0, reason, cancellationToken);
        await storage.DeleteAsync(batchId, cancellationToken);
        SippMetrics.UploadsChecked.Add(1, new KeyValuePair<string, object?>("outcome", "Ditolak"));
    }
}

/// <summary>An inspected, stored upload: its header check and its rows.</summary>
public sealed class UploadFile
{
    private readonly string _path;
    private readonly UploadBatch _batch;
    private readonly System.Text.Encoding? _encoding;
    private readonly SheetLimits _limits;

    private UploadFile(string path, UploadBatch batch, System.Text.Encoding? encoding, SheetLimits limits)
    {
        _path = path;
        _batch = batch;
        _encoding = encoding;
        _limits = limits;
    }

    public UploadDefinition Definition => UploadDefinition.Of(_batch.Kind);

    public static UploadFile Open(string path, UploadBatch batch, SheetLimits limits) =>
        new(path, batch, batch.Format == UploadFormat.Csv ? SpreadsheetInspection.Inspect(path, batch.FileName).Encoding : null, limits);

    /// <summary>
    /// Whether a row 1 is a header of an upload: two or more of its cells name a column of some template (Sipp's, their
    /// aliases, or SIPP Online's) — an instruction sheet's title or a code list's codes do not.
    /// </summary>
    public static bool IsHeader(IReadOnlyList<string> cells) => cells.Count(KnownColumns.Contains) >= 2;

    private static readonly HashSet<string> KnownColumns = new(
        UploadDefinition.All.SelectMany(d => d.Columns.Concat(d.Aliases?.Keys ?? [])).Concat(SippOnlineTemplate.Columns), StringComparer.OrdinalIgnoreCase);

    /// <summary>The header row, and the sheet it is on when the workbook has several (see <see cref="IsHeader"/>).</summary>
    public (string? Sheet, IReadOnlyList<string> Headers) FindHeader() => SpreadsheetRows.Header(_path, _batch.Format, _encoding, _limits, IsHeader);

    /// <summary>The header row of the sheet the upload kept (the checked copy writes its columns back).</summary>
    public IReadOnlyList<string> Headers() => SpreadsheetRows.Headers(_path, _batch.Format, _encoding, _batch.Sheet, _limits);

    /// <summary>The rows as the file has them, under its own column names (the checked copy writes these back).</summary>
    public IEnumerable<SheetRow> RawRows(CancellationToken cancellationToken = default) => _batch.Layout == UploadLayout.SippOnline
        ? SpreadsheetRows.Read(_path, _batch.Format, _encoding, _batch.Sheet, SippOnlineTemplate.DateColumns, SippOnlineTemplate.DigitColumns, _limits, cancellationToken)
        : SpreadsheetRows.Read(_path, _batch.Format, _encoding, _batch.Sheet, Definition.DateColumns, Definition.DigitColumns, _limits, cancellationToken);

    /// <summary>The rows in Sipp's fields, for the checks: another template's rows translated.</summary>
    public IEnumerable<SheetRow> Rows(CancellationToken cancellationToken = default) =>
        _batch.Layout == UploadLayout.SippOnline ? RawRows(cancellationToken).Select(SippOnlineTemplate.Translate)
        : Definition.Aliases is { Count: > 0 } ? RawRows(cancellationToken).Select(ToCanonicalNames)
        : RawRows(cancellationToken);

    private SheetRow ToCanonicalNames(SheetRow row) => row with
    {
        Values = row.Values.ToDictionary(v => Definition.Canonical(v.Key), v => v.Value, StringComparer.OrdinalIgnoreCase),
        Rounded = row.Rounded?.Select(Definition.Canonical).ToList(),
    };

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
                    foreach (var chunk in Rows(stop.Token).Chunk(size))
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
        if (_batch.Format != UploadFormat.Csv)
        {
            var declared = _batch.Format == UploadFormat.Xls ? XlsSheetReader.DeclaredLastRow(_path, _batch.Sheet) : XlsxSheetReader.DeclaredLastRow(_path, _batch.Sheet);
            return declared is { } last ? Math.Max(0, last - 1) : null;
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
