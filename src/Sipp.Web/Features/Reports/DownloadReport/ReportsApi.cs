using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Documents;
using Sipp.Web.Infrastructure.Security;

using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Reports.DownloadReport;

/// <summary>
/// Downloads of the "Laporan" menu: <c>/laporan/{periode}/{laporan}.{pdf|xlsx|csv}</c> for the current company division;
/// <c>?pemisah=titik-koma</c> makes a CSV for Excel set to Indonesian. Every download is audited.
/// </summary>
public static class ReportsApi
{
    public const string SemicolonParameter = "pemisah";
    public const string SemicolonValue = "titik-koma";

    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddScoped<PeriodReports>();

    public static void MapReportDownloads(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/laporan/{periode:length(7)}/{slug}.{format}", DownloadAsync).RequireAuthorization(Policies.CompanyMember);

    public static void MapAllReportsDownload(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/laporan/{periode:length(7)}/semua.zip", DownloadAllAsync).RequireAuthorization(Policies.CompanyMember);

    /// <summary>"Rekap Iuran Semua Divisi": the month of every division of the company the user belongs to, audited.</summary>
    private static async Task<IResult> DownloadDivisionsAsync(
        CompanyContext company, Period period, string format, string contentType, HttpContext context, SippDbContext db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var localizer = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var divisions = await Contributions.MonitorDivisions.DivisionsQuery.OfCompanyAsync(context.RequestServices.GetRequiredService<DivisionAccess>(), company, cancellationToken);
        var rows = await Contributions.MonitorDivisions.DivisionsQuery.LoadAsync(db, divisions, period, clock.JakartaToday(), cancellationToken);
        var document = Contributions.MonitorDivisions.DivisionsReport.Build(localizer, company, period, rows);
        audit.Record("laporan.unduh", "Laporan", Contributions.MonitorDivisions.DivisionsReport.Slug, company.DivisionId, null, new { periode = period.ToString(), format, divisi = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
        Attachment.Prepare(context, contentType, $"{document.FileName}.{format}");
        await WriteAsync(document, format, context.Response.Body, context.Request.Query[SemicolonParameter] == SemicolonValue, clock, cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>
    /// "Unduh Semua": every report of the period that can be made (as PDF and XLSX) in one ZIP (issue 16: 24 separate
    /// links). Built in a scratch file first, so that a report failing half-way never sends half an archive.
    /// </summary>
    private static async Task<IResult> DownloadAllAsync(
        string periode, HttpContext context, CurrentCompany currentCompany, PeriodReports reports, SippDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(periode, out var period, out _))
        {
            return TypedResults.NotFound();
        }

        var company = await currentCompany.RequireAsync(cancellationToken);
        var checkAddress = CheckAddress(context);
        await using var scratch = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var included = new List<string>();
        using (var zip = new System.IO.Compression.ZipArchive(scratch, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var report in ReportCatalog.All)
            {
                foreach (var format in new[] { "pdf", "xlsx" })
                {
                    // A document's rows are read once: one per format.
                    var (document, _) = await reports.BuildAsync(company, period, report, checkAddress, cancellationToken);
                    if (document is null)
                    {
                        break; // not available for this period (not computed, not paid)
                    }

                    var name = $"{document.FileName}.{format}";
                    await using (var entry = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Fastest).Open())
                    {
                        await WriteAsync(document, format, entry, semicolon: false, clock, cancellationToken);
                    }

                    included.Add(name);
                }
            }
        }

        if (included.Count == 0)
        {
            return Refusal.Of(Wording.Of($"Belum ada laporan untuk periode {period.ToDisplayString()}: hitung iurannya dulu."), RefusalKind.NotFound, Wording.Of("Belum ada laporan")).ToProblem();
        }

        audit.Record("laporan.unduhSemua", "Laporan", "semua", company.DivisionId, null, new { periode = period.ToString(), berkas = included.Count });
        await db.SaveChangesAsync(cancellationToken);
        scratch.Position = 0;
        Attachment.Prepare(context, "application/zip", $"laporan-{company.Npp}-{company.DivisionCode}-{period}.zip");
        await scratch.CopyToAsync(context.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<IResult> DownloadAsync(
        string periode, string slug, string format, HttpContext context, CurrentCompany currentCompany, PeriodReports reports, SippDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Period.TryParse(periode, out var period, out _) && slug == Contributions.MonitorDivisions.DivisionsReport.Slug && ContentType(format) is { } contentType)
        {
            return await DownloadDivisionsAsync(await currentCompany.RequireAsync(cancellationToken), period, format, contentType, context, db, audit, clock, cancellationToken);
        }

        if (!Period.TryParse(periode, out _, out _) || ReportCatalog.FromSlug(slug) is null || ContentType(format) is null)
        {
            return TypedResults.NotFound();
        }

        return await SendAsync(await currentCompany.RequireAsync(cancellationToken), periode, slug, format, context, reports, db, audit, clock, cancellationToken);
    }

    /// <summary>One report of a period in one format for <paramref name="company"/>'s division, audited: the page's download and the API's.</summary>
    public static async Task<IResult> SendAsync(
        CompanyContext company, string periode, string slug, string format, HttpContext context, PeriodReports reports, SippDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(periode, out var period, out _) || ReportCatalog.FromSlug(slug) is not { } report || ContentType(format) is not { } contentType)
        {
            return TypedResults.NotFound();
        }

        var (document, refusal) = await reports.BuildAsync(company, period, report, CheckAddress(context), cancellationToken);
        if (document is null)
        {
            return refusal!.ToProblem();
        }

        var semicolon = context.Request.Query[SemicolonParameter] == SemicolonValue;
        audit.Record("laporan.unduh", "Laporan", report.Slug, company.DivisionId, null, new { periode = period.ToString(), format, pemisah = semicolon ? ";" : null });
        await db.SaveChangesAsync(cancellationToken);

        Attachment.Prepare(context, contentType, $"{document.FileName}{(semicolon ? "-titik-koma" : string.Empty)}.{format}");
        await WriteAsync(document, format, context.Response.Body, semicolon, clock, cancellationToken);
        return TypedResults.Empty;
    }

    private static string CheckAddress(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/cek-bukti/";

    private static Task WriteAsync(TableDocument document, string format, Stream output, bool semicolon, TimeProvider clock, CancellationToken cancellationToken) => format switch
    {
        "pdf" => PdfTableWriter.WriteAsync(document, output, clock.GetUtcNow(), cancellationToken),
        "xlsx" => XlsxTableWriter.WriteAsync(document, output, cancellationToken),
        _ => CsvTableWriter.WriteAsync(document, output, semicolon, cancellationToken),
    };

    private static string? ContentType(string format) => format switch
    {
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv" => "text/csv; charset=utf-8",
        _ => null,
    };
}
