using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Domain;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>One entry that recognises the template, and each upload with its template. A file is received by <see cref="UploadReception"/> and then checked in the background.</summary>
[Authorize(Policy = Policies.CompanyOperator)]
[RequestSizeLimit(UploadReception.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadReception.MaxRequestBytes)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, UploadReception reception) : PageModel
{
    public IReadOnlyList<UploadBatch> Recent { get; private set; } = [];

    public string? Refusal { get; private set; }

    /// <summary>"ukuran": the last upload was over the request limit (sent back here by the error page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ditolak { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Refusal = Ditolak == "ukuran" ? UploadReception.TooLarge : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? jenis, IFormFile? file, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        await using var content = file?.OpenReadStream();
        var result = await reception.ReceiveAsync(new UploadedFile(jenis, file?.FileName, file?.Length ?? 0, content), company.UserId, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Errors.ContainsKey(UploadReception.KindField))
            {
                return BadRequest();
            }

            Refusal = refusal.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (jenis == UploadReception.Recognise && result.Value!.State != UploadState.Ditolak)
        {
            TempData[nameof(BatchModel.Message)] = Wording.Of($"File dikenali dari baris judulnya sebagai {Wording.OfName(UploadDefinition.Of(result.Value.Kind).Title)}.");
        }

        return Redirect($"/tenaga-kerja/upload/{result.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await currentCompany.RequireAsync(cancellationToken);
        Recent = await db.UploadBatches.AsNoTracking().OrderByDescending(b => b.UploadedAt).Take(10).ToListAsync(cancellationToken);
    }
}
