using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Web.Infrastructure.Security;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>One upload: progress while checked, then the refused rows with their reasons, the checked copy, and "Impor".</summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class BatchModel(SippDbContext db, CurrentCompany currentCompany, UploadImporter importer, UploadReception reception) : PageModel
{
    public const int ShownErrors = 200;

    public UploadBatch Batch { get; private set; } = null!;

    public IReadOnlyList<UploadRowError> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>Rows that would change something: neither refused nor already as the file says.</summary>
    public int ValidRows => Batch.TotalRows - Batch.ErrorRows - Batch.UnchangedRows;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Errors = await db.UploadRowErrors.AsNoTracking().Where(e => e.BatchId == id).OrderBy(e => e.RowNumber).Take(ShownErrors).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var actor = new Actor(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), Infrastructure.Audit.AuditLog.ActingName(User.DisplayName() ?? string.Empty, currentCompany.Loaded), HttpContext.Connection.RemoteIpAddress?.ToString());
        var refusal = await importer.ImportAsync(id, actor, cancellationToken);
        Message = refusal?.Message ?? Wording.Of($"{ValidRows:#,0} baris sudah diimpor.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var refusal = await reception.CancelAsync(id, cancellationToken);
        Message = refusal is null ? Wording.Of("Upload dibatalkan; tidak ada data yang diimpor.") : null;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        var batch = await db.UploadBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return false;
        }

        Batch = batch;
        return true;
    }
}
