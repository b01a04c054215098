using Microsoft.Extensions.Localization;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Shared;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Documents;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Contributions.MonitorDivisions;

/// <summary>"Rekap Iuran Semua Divisi": the combined monitoring's month as a report (PDF, XLSX, CSV).</summary>
public static class DivisionsReport
{
    public const string Slug = "semua-divisi";

    public static TableDocument Build(IStringLocalizer L, CompanyContext company, Period period, IReadOnlyList<DivisionMonth> rows)
    {
        object?[] Row(DivisionMonth r) =>
        [
            $"{r.Code} — {r.Name}", L[PeriodLifecycle.Label(r.Status)].Value, (long)r.WorkerCount, r.Jht, r.Jkk, r.Jkm, r.Jp, r.Total, r.BillTotal, r.KodeIuran,
            r.DueDate,
        ];
        return new TableDocument
        {
            Title = L["Rekap Iuran Semua Divisi"], FileName = $"{Slug}-{company.Npp}-{period}",
            Facts = [(L["Perusahaan"], company.CompanyName), (L["NPP"], company.Npp), (L["Periode"], Show.Month(period))],
            Columns =
            [
                new(L["Divisi"], ColumnKind.Text, 2.2), new(L["Status"], ColumnKind.Text, 1.3), new(L["Jumlah TK"], ColumnKind.Number, 0.8), new(L["JHT"], ColumnKind.Money),
                new(L["JKK"], ColumnKind.Money), new(L["JKM"], ColumnKind.Money), new(L["JP"], ColumnKind.Money), new(L["Total Iuran"], ColumnKind.Money),
                new(L["Total Tagihan"], ColumnKind.Money), new(L["Kode Iuran"], ColumnKind.Text, 1.2), new(L["Jatuh Tempo"], ColumnKind.Date, 1.0),
            ],
            Rows = rows.Select(Row).ToAsyncEnumerable(), // every format adds the total row of the money columns
            Note = L["Tagihan setiap divisi tetap tagihannya sendiri, dengan Kode Iuran dan jatuh temponya."],
        };
    }
}
