using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Sipp.Data;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Bureaus.Office;
using Sipp.Web.Features.Shared;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Documents;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Bureaus.Portfolio;

/// <summary>"Unduh CSV" of Portofolio Klien: the table as shown (filter and order), every column, audited.</summary>
public static class PortfolioDownload
{
    public static void MapPortfolioDownload(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/biro/portofolio.csv", DownloadAsync).RequireAuthorization(Policies.SignedIn);

    private static async Task<IResult> DownloadAsync(
        string? periode, string? saring, string? urut, HttpContext context, SippDbContext db, DivisionAccess access, BureauOffice office, AuditLog audit,
        IStringLocalizer<SharedResource> L, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (await office.PlaceOfAsync(userId, cancellationToken) is not { } place)
        {
            return TypedResults.Forbid();
        }

        var today = clock.JakartaToday();
        var period = Period.Containing(today);
        if (periode is not null && !Period.TryParse(periode, out period, out _))
        {
            return TypedResults.NotFound();
        }

        var rows = PortfolioView.Apply(await PortfolioView.LoadAsync(db, access, userId, period, today, cancellationToken), saring, urut).ToList();
        audit.Record("laporan.unduh", "Laporan", "portofolio-klien", after: new { biro = place.Name, periode = period.ToString(), format = "csv", divisi = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
        var document = new TableDocument
        {
            Title = L["Portofolio Klien"], FileName = $"portofolio-klien-{period}",
            Facts = [(L["Biro"], place.Name), (L["Periode"], Show.Month(period))],
            Columns =
            [
                new(L["NPP"], ColumnKind.Text), new(L["Perusahaan"], ColumnKind.Text), new(L["Divisi"], ColumnKind.Text), new(L["Status"], ColumnKind.Text),
                new(L["Jumlah TK"], ColumnKind.Number), new(L["Jumlah Tagihan"], ColumnKind.Money), new(L["Kode Iuran"], ColumnKind.Text), new(L["Jatuh Tempo"], ColumnKind.Date),
                new(L["Tagihan terlambat"], ColumnKind.Number), new(L["Jumlah Terlambat"], ColumnKind.Money), new(L["Menunggu Verifikasi"], ColumnKind.Number),
                new(L["Upload Menunggu"], ColumnKind.Number),
            ],
            Rows = rows.Select(r => new object?[]
            {
                r.Npp, r.CompanyName, $"{r.Code} — {r.Name}", L[PeriodLifecycle.Label(r.Status)].Value, (long)r.WorkerCount, r.BillTotal ?? r.Total, r.KodeIuran, r.DueDate,
                (long)r.LateBills, r.LateAmount, (long)r.WaitingVerifications, (long)r.WaitingUploads,
            }).ToAsyncEnumerable(),
        };
        Attachment.Prepare(context, "text/csv", $"{document.FileName}.csv");
        await CsvTableWriter.WriteAsync(document, context.Response.Body, semicolon: false, cancellationToken);
        return TypedResults.Empty;
    }
}
