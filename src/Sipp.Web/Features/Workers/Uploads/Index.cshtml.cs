using Microsoft.Extensions.Options;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Files;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>The three uploads with their templates. A file is inspected at once and then checked in the background.</summary>
[Authorize(Policy = Policies.CompanyOperator)]
[RequestSizeLimit(IndexModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = IndexModel.MaxRequestBytes)]
public sealed class IndexModel(
    SippDbContext db, CurrentCompany currentCompany, UploadStorage storage, UploadQueue queue, IOptions<UploadOptions> options, AuditLog audit, TimeProvider clock)
    : PageModel
{
    public IReadOnlyList<UploadBatch> Recent { get; private set; } = [];

    public string? Refusal { get; private set; }

    public const string TooLarge = "File lebih dari 20 MB. Bagi menjadi beberapa file.";

    /// <summary>A 20 MB file with its form around it; a larger request is refused before it is read (see Errors).</summary>
    public const long MaxRequestBytes = SpreadsheetInspection.MaxBytes + (1024 * 1024);

    /// <summary>"ukuran": the last upload was over the request limit (sent back here by the error page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ditolak { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Refusal = Ditolak == "ukuran" ? TooLarge : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? jenis, IFormFile? file, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        if (UploadDefinition.FromSlug(jenis) is not { } definition)
        {
            return BadRequest();
        }

        if (file is null || file.Length == 0)
        {
            Refusal = file is null ? "Pilih file .xlsx atau .csv untuk diupload." : "File kosong.";
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (file.Length > SpreadsheetInspection.MaxBytes)
        {
            Refusal = TooLarge;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var batch = new UploadBatch
        {
            Id = Guid.NewGuid(), DivisionId = company.DivisionId, Kind = definition.Kind, FileName = Path.GetFileName(file.FileName)[..Math.Min(255, Path.GetFileName(file.FileName).Length)],
            SizeBytes = file.Length, State = UploadState.Diperiksa, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedByUserId = company.UserId,
        };
        try
        {
            await SaveAndInspectAsync(file, batch, definition, company.DivisionId, cancellationToken);
        }
        catch
        {
            storage.Delete(batch.Id); // nothing was recorded: leave no file behind
            throw;
        }

        return Redirect($"/tenaga-kerja/upload/{batch.Id}");
    }

    /// <summary>Stores the file, inspects it and its header, and records the batch (refused, or waiting for its check).</summary>
    private async Task SaveAndInspectAsync(IFormFile file, UploadBatch batch, UploadDefinition definition, Guid divisionId, CancellationToken cancellationToken)
    {
        await using (var content = file.OpenReadStream())
        {
            await storage.SaveAsync(batch.Id, content, cancellationToken);
        }

        var path = storage.PathOf(batch.Id);
        var (format, _, refusal) = SpreadsheetInspection.Inspect(path, batch.FileName);
        batch.Format = format;
        if (refusal is null)
        {
            refusal = CheckHeaders(path, batch, definition, options.Value.Limits);
        }

        if (refusal is not null)
        {
            batch.State = UploadState.Ditolak;
            batch.Refusal = refusal;
            storage.Delete(batch.Id);
        }

        db.UploadBatches.Add(batch);
        audit.Record("upload.terima", "Upload", batch.Id.ToString(), divisionId, after: new { jenis = definition.Title, file = batch.FileName, ukuran = batch.SizeBytes, ditolak = refusal });
        await db.SaveChangesAsync(cancellationToken);
        if (refusal is null)
        {
            queue.Wake();
        }
    }

    private static string? CheckHeaders(string path, UploadBatch batch, UploadDefinition definition, SheetLimits limits)
    {
        try
        {
            var headers = UploadFile.Open(path, batch, limits).Headers();
            return headers.Count == 0 ? "File tidak memiliki baris judul (baris 1)." : definition.CheckHeaders(headers);
        }
        catch (SheetLimitException limit)
        {
            return limit.Message;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or OpenXmlPackageException)
        {
            return "File Excel ini rusak dan tidak dapat dibaca. Simpan ulang dari Excel lalu upload lagi.";
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        Recent = await db.UploadBatches.AsNoTracking()
            .OrderByDescending(b => b.UploadedAt).Take(10).ToListAsync(cancellationToken);
    }
}
