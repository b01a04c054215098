using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>Downloads: the templates, and the checked copy of an upload.</summary>
public static class UploadApi
{
    public static IServiceCollection AddWorkerUploads(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<UploadStorage>();
        services.AddSingleton<UploadQueue>();
        services.AddHostedService<UploadWorker>();
        services.AddScoped<UploadChecker>();
        services.AddScoped<UploadImporter>();
        services.AddScoped<UploadReception>();
        return services;
    }

    public static void MapUploadDownloads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tenaga-kerja/upload/template/{slug}.{ext}", async (string slug, string ext, HttpContext context, CancellationToken cancellationToken) =>
            {
                if (UploadDefinition.FromSlug(slug) is not { } definition || Format(ext) is not { } format)
                {
                    return Results.NotFound();
                }

                Prepare(context, $"template-{slug}.{ext}", format);
                await UploadFiles.WriteTemplateAsync(context.Response.Body, definition, format, cancellationToken);
                return Results.Empty;
            })
            .RequireAuthorization(Policies.CompanyOperator);

        // ?susunan=sipp-online: the same file with SIPP Online's column names.
        routes.MapGet("/tenaga-kerja/upload/upah-terisi.{ext}", async (string ext, string? susunan, HttpContext context, SippDbContext db, CurrentCompany currentCompany, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var company = await currentCompany.RequireAsync(cancellationToken);
                if (Format(ext) is not { } format || susunan is not (null or SippOnlineLayout))
                {
                    return Results.NotFound();
                }

                var layout = susunan == SippOnlineLayout ? UploadLayout.SippOnline : UploadLayout.Sipp;
                var period = Period.Containing(clock.JakartaToday());
                var workers = await db.Employments.AsNoTracking()
                    .Where(e => e.Status == EmploymentStatus.Aktif || e.Status == EmploymentStatus.MenungguVerifikasi)
                    .OrderBy(e => e.SortName).ThenBy(e => e.Id)
                    .Select(e => new
                    {
                        e.Participant.Kpj, e.EmployeeNumber, e.Participant.FullName,
                        Upah = e.WageHistory.Where(w => w.EffectiveFrom <= period).OrderByDescending(w => w.EffectiveFrom).Select(w => (long?)w.Upah).FirstOrDefault(),
                    })
                    .ToListAsync(cancellationToken);
                // Names, KPJs and wages of the whole division leave Sipp: recorded as a report download is.
                audit.Record("upload.unduhUpah", "Upload", null, company.DivisionId, after: new { periode = period.ToString(), baris = workers.Count, format = ext, susunan = layout.ToString() });
                await db.SaveChangesAsync(cancellationToken);
                Prepare(context, layout == UploadLayout.SippOnline ? $"upah-sipp-online-{period}.{ext}" : $"upah-{period}.{ext}", format);
                await UploadFiles.WriteCurrentWagesAsync(context.Response.Body, format, layout, workers.Select(w => (w.Kpj, w.EmployeeNumber, w.FullName, w.Upah)), period, cancellationToken);
                return Results.Empty;
            })
            .RequireAuthorization(Policies.CompanyOperator);

        // The check page asks for its progress while the check runs, instead of reloading itself.
        routes.MapGet("/tenaga-kerja/upload/{id:guid}/kemajuan", async (Guid id, SippDbContext db, CurrentCompany currentCompany, IStringLocalizer<SharedResource> L, CancellationToken cancellationToken) =>
            {
                await currentCompany.RequireAsync(cancellationToken);
                var batch = await db.UploadBatches.AsNoTracking().Where(b => b.Id == id)
                    .Select(b => new { b.State, b.CheckedRows, b.TotalRows, b.ErrorRows }).SingleOrDefaultAsync(cancellationToken);
                if (batch is null)
                {
                    return Results.NotFound();
                }

                return Results.Json(new
                {
                    selesai = batch.State != UploadState.Diperiksa, diperiksa = batch.CheckedRows, jumlah = batch.TotalRows, ditolak = batch.ErrorRows,
                    keterangan = UploadTexts.Progress(L, batch.CheckedRows, batch.TotalRows),
                });
            })
            .RequireAuthorization(Policies.CompanyOperator);

        routes.MapGet("/tenaga-kerja/upload/{id:guid}/hasil", async (Guid id, HttpContext context, SippDbContext db, CurrentCompany currentCompany, UploadStorage storage, Microsoft.Extensions.Options.IOptions<UploadOptions> options, CancellationToken cancellationToken) =>
            {
                var company = await currentCompany.RequireAsync(cancellationToken);
                var batch = await db.UploadBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
                await using var copy = batch is { State: UploadState.SiapImpor } ? await storage.OpenAsync(id, cancellationToken) : null;
                if (batch is null || copy is null)
                {
                    return Results.NotFound();
                }

                var errors = await db.UploadRowErrors.AsNoTracking().Where(e => e.BatchId == id).ToDictionaryAsync(e => e.RowNumber, e => e.Messages, cancellationToken);
                // An old .xls comes back as .xlsx: Sipp writes the current format only.
                var format = batch.Format == UploadFormat.Csv ? UploadFormat.Csv : UploadFormat.Xlsx;
                Prepare(context, $"hasil-{Path.GetFileNameWithoutExtension(batch.FileName)}.{(format == UploadFormat.Xlsx ? "xlsx" : "csv")}", format);
                await UploadFiles.WriteCheckedAsync(context.Response.Body, UploadFile.Open(copy.Path, batch, options.Value.Limits), format, errors, cancellationToken);
                return Results.Empty;
            })
            .RequireAuthorization(Policies.CompanyOperator);
    }

    private const string SippOnlineLayout = "sipp-online";

    private static UploadFormat? Format(string ext) => ext switch { "xlsx" => UploadFormat.Xlsx, "csv" => UploadFormat.Csv, _ => null };

    private static void Prepare(HttpContext context, string fileName, UploadFormat format)
    {
        context.Response.ContentType = format == UploadFormat.Xlsx
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
    }
}
