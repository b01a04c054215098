using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Files;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>A file as received: the upload's kind (its slug, e.g. "tenaga-kerja-baru"), name, size and content.</summary>
public sealed record UploadedFile(string? Jenis, string? FileName, long Length, Stream? Content);

/// <summary>
/// Receiving an upload into the current division: the file is stored, inspected and its header checked at once; the
/// batch is recorded (refused with its reason, or waiting for the background check). And cancelling one.
/// </summary>
public sealed class UploadReception(
    SippDbContext db, UploadStorage storage, UploadQueue queue, IOptions<UploadOptions> options, AuditLog audit, TimeProvider clock)
{
    public const string KindField = "jenis";

    /// <summary>The kind that asks Sipp to recognise the template from the file's header row.</summary>
    public const string Recognise = "otomatis";
    public const string FileField = "file";
    public static string TooLarge => Wording.Of("File lebih dari 20 MB. Bagi menjadi beberapa file.");

    /// <summary>A 20 MB file with its form around it; a larger request is refused before it is read (see Errors).</summary>
    public const long MaxRequestBytes = SpreadsheetInspection.MaxBytes + (1024 * 1024);

    /// <summary>The recorded batch — refused or waiting — or a refusal when there is no file to record.</summary>
    public async Task<Result<UploadBatch>> ReceiveAsync(UploadedFile file, Guid uploadedBy, CancellationToken cancellationToken)
    {
        var definition = UploadDefinition.FromSlug(file.Jenis);
        if (definition is null && file.Jenis != Recognise)
        {
            return Refusal.Field(KindField, Wording.Of("Jenis upload tidak dikenal."));
        }

        if (file.Content is null || file.Length == 0)
        {
            return Refusal.Field(FileField, file.Content is null ? Wording.Of("Pilih file Excel (.xlsx atau .xls) atau CSV untuk diupload.") : Wording.Of("File kosong."));
        }

        if (file.Length > SpreadsheetInspection.MaxBytes)
        {
            return Refusal.Field(FileField, TooLarge);
        }

        var name = Path.GetFileName(file.FileName ?? "upload");
        var batch = new UploadBatch
        {
            // A file to recognise is recorded as new workers until its header says otherwise (a file refused before that stays so).
            Id = Guid.NewGuid(), DivisionId = db.ScopedDivisionId, Kind = definition?.Kind ?? UploadKind.Baru, FileName = name[..Math.Min(255, name.Length)],
            SizeBytes = file.Length, State = UploadState.Diperiksa, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedByUserId = uploadedBy,
        };
        await using (var copy = await storage.ReceiveAsync(file.Content, cancellationToken))
        {
            await InspectAndRecordAsync(copy, batch, definition, cancellationToken);
        }

        return batch;
    }

    /// <summary>"Batal": a batch waiting for its import, or still being checked (the checker notices at its next chunk and stops).</summary>
    public async Task<Refusal?> CancelAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await db.UploadBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return Refusal.Of(Wording.Of("Upload tidak ditemukan."), RefusalKind.NotFound);
        }

        var cancelled = await db.UploadBatches.Where(b => b.Id == batchId && (b.State == UploadState.SiapImpor || b.State == UploadState.Diperiksa))
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, UploadState.Dibatalkan).SetProperty(x => x.ClaimedUntil, (DateTime?)null), cancellationToken);
        if (cancelled == 0)
        {
            return Refusal.Of(Wording.Of("Upload ini tidak dapat dibatalkan lagi."), RefusalKind.Conflict);
        }

        await storage.DeleteAsync(batchId, cancellationToken);
        await db.UploadRowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        audit.Record("upload.batal", "Upload", batchId.ToString(), batch.DivisionId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Inspects the file and its header, and records the batch — refused, or waiting for its check with its file.</summary>
    private async Task InspectAndRecordAsync(UploadCopy copy, UploadBatch batch, UploadDefinition? definition, CancellationToken cancellationToken)
    {
        var (format, _, refusal) = SpreadsheetInspection.Inspect(copy.Path, batch.FileName);
        batch.Format = format;
        refusal ??= CheckHeaders(copy.Path, batch, definition, options.Value.Limits);
        if (refusal is null)
        {
            await storage.KeepAsync(batch.Id, copy, cancellationToken);
        }
        else
        {
            batch.State = UploadState.Ditolak;
            batch.Refusal = refusal;
        }

        db.UploadBatches.Add(batch);
        audit.Record("upload.terima", "Upload", batch.Id.ToString(), batch.DivisionId, after: new { jenis = UploadDefinition.Of(batch.Kind).Title, dikenali = definition is null, file = batch.FileName, ukuran = batch.SizeBytes, ditolak = refusal });
        await db.SaveChangesAsync(cancellationToken);
        if (refusal is null)
        {
            queue.Wake();
        }
    }

    /// <summary>
    /// What is wrong with the header row, or null. A workbook's data sheet is the first whose row 1 is a header (instructions
    /// may come before it). With no kind chosen, the header decides: SIPP Online's data_tk_baru, or
    /// the one of Sipp's templates whose columns it has (each refuses unknown columns, so at most one fits).
    /// </summary>
    private static string? CheckHeaders(string path, UploadBatch batch, UploadDefinition? definition, SheetLimits limits)
    {
        try
        {
            (batch.Sheet, var headers) = UploadFile.Open(path, batch, limits).FindHeader();
            if (batch.Sheet is { Length: > 31 })
            {
                return Wording.Of("File Excel ini rusak dan tidak dapat dibaca. Simpan ulang dari Excel lalu upload lagi."); // Excel allows no longer sheet name
            }

            if (headers.Count == 0)
            {
                return Wording.Of("File tidak memiliki baris judul (baris 1).");
            }

            if (definition?.Kind is null or UploadKind.Baru && SippOnlineTemplate.Recognises(headers))
            {
                (batch.Kind, batch.Layout) = (UploadKind.Baru, UploadLayout.SippOnline);
                return SippOnlineTemplate.CheckHeaders(headers);
            }

            if (definition is not null)
            {
                return definition.CheckHeaders(headers);
            }

            if (UploadDefinition.All.FirstOrDefault(d => d.CheckHeaders(headers) is null) is { } fits)
            {
                batch.Kind = fits.Kind;
                return null;
            }

            return Wording.Of("Baris judul (baris 1) tidak cocok dengan template Sipp mana pun maupun data_tk_baru SIPP Online. Unduh template dari halaman ini, atau pilih jenis upload-nya.");
        }
        catch (SheetLimitException limit)
        {
            return limit.Message;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or OpenXmlPackageException or ExcelDataReader.Exceptions.ExcelReaderException)
        {
            return Wording.Of("File Excel ini rusak dan tidak dapat dibaca. Simpan ulang dari Excel lalu upload lagi.");
        }
    }
}
