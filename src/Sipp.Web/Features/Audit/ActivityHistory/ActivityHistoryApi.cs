using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Web.Features.Shared;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Documents;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Audit.ActivityHistory;

/// <summary>
/// "Unduh CSV" of "Riwayat Aktivitas": the filtered trail in words, as the page shows it, at most
/// <see cref="MaxRows"/> rows; the download itself is audited (the trail names people).
/// </summary>
public static class ActivityHistoryApi
{
    public const int MaxRows = 100_000;

    public static void MapActivityHistoryDownload(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/riwayat-aktivitas.csv", DownloadAsync).RequireAuthorization(Policies.CompanyAdmin);

    private static async Task<IResult> DownloadAsync(
        Guid? orang, string? aktivitas, string? periode, HttpContext context, CurrentCompany currentCompany, SippDbContext db, AuditLog audit,
        AuditSentence sentence, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        var filter = new ActivityFilter(orang, aktivitas, periode);
        audit.Record("riwayatAktivitas.unduh", "RiwayatAktivitas", company.DivisionId.ToString(), company.DivisionId, null,
            new { orang, aktivitas, periode = filter.Month?.ToString() });
        await db.SaveChangesAsync(cancellationToken);

        var document = new TableDocument
        {
            Title = "Riwayat Aktivitas",
            FileName = $"riwayat-aktivitas-{company.Npp}-{company.DivisionCode}",
            Facts = [],
            Columns = [new Column("Waktu (WIB)", ColumnKind.Text), new Column("Oleh", ColumnKind.Text), new Column("Aktivitas", ColumnKind.Text), new Column("Kode", ColumnKind.Text)],
            Rows = ActivityQuery.Rows(db, filter).Take(MaxRows).AsAsyncEnumerable()
                .Select(row => new object?[] { Show.Time(row.Event.OccurredAt), row.Actor, sentence.Describe(row.Event), row.Event.Action }),
        };
        Attachment.Prepare(context, "text/csv; charset=utf-8", document.FileName + ".csv");
        await CsvTableWriter.WriteAsync(document, context.Response.Body, semicolon: false, cancellationToken);
        return TypedResults.Empty;
    }
}
