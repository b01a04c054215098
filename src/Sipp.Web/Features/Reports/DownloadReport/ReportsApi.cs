using Microsoft.Net.Http.Headers;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Documents;
using Sipp.Web.Infrastructure.Security;

using Sipp.Web.Infrastructure.Problems;

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

    private static async Task<IResult> DownloadAsync(
        string periode, string slug, string format, HttpContext context, CurrentCompany currentCompany, PeriodReports reports, SippDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(periode, out var period, out _) || ReportCatalog.FromSlug(slug) is not { } report || ContentType(format) is not { } contentType)
        {
            return TypedResults.NotFound();
        }

        var company = await currentCompany.RequireAsync(cancellationToken);
        var checkAddress = $"{context.Request.Scheme}://{context.Request.Host}/cek-bukti/";
        var (document, refusal) = await reports.BuildAsync(company, period, report, checkAddress, cancellationToken);
        if (document is null)
        {
            return refusal!.ToProblem();
        }

        var semicolon = context.Request.Query[SemicolonParameter] == SemicolonValue;
        audit.Record("laporan.unduh", "Laporan", report.Slug, company.DivisionId, null, new { periode = period.ToString(), format, pemisah = semicolon ? ";" : null });
        await db.SaveChangesAsync(cancellationToken);

        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = $"{document.FileName}{(semicolon ? "-titik-koma" : string.Empty)}.{format}" }.ToString();
        var output = context.Response.Body;
        switch (format)
        {
            case "pdf":
                await PdfTableWriter.WriteAsync(document, output, clock.GetUtcNow(), cancellationToken);
                break;
            case "xlsx":
                await XlsxTableWriter.WriteAsync(document, output, cancellationToken);
                break;
            default:
                await CsvTableWriter.WriteAsync(document, output, semicolon, cancellationToken);
                break;
        }

        return TypedResults.Empty;
    }

    private static string? ContentType(string format) => format switch
    {
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv" => "text/csv; charset=utf-8",
        _ => null,
    };
}
