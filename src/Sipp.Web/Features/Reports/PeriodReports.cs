using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Features.Payments;
using Sipp.Web.Features.Shared;
using Sipp.Web.Features.Workers;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Documents;
using Sipp.Web.Infrastructure.Security;

using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Reports;

/// <summary>
/// Builds the reports of one period of the current company division as tables whose rows are read from the database as
/// they are written (never the whole table in memory). Returns the refusal when the period does not allow the report yet.
/// </summary>
public sealed class PeriodReports(SippDbContext db, IOptions<PaymentOptions> payments, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<TableDocument>> BuildAsync(
        CompanyContext company, Period period, ReportInfo report, string verificationBase, CancellationToken cancellationToken)
    {
        var stored = await db.ContributionPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Period == period, cancellationToken);
        var status = stored?.Status ?? PeriodStatus.BelumDihitung;
        if (report.NeedsComputation && stored is null or { Status: PeriodStatus.BelumDihitung })
        {
            return Refusal.Of(Wording.Of($"Iuran periode {period.ToDisplayString()} belum dihitung."), RefusalKind.NotFound);
        }

        if (report.NeedsPayment && status != PeriodStatus.Lunas)
        {
            return Refusal.Of(Wording.Of($"Iuran periode {period.ToDisplayString()} belum lunas; bukti pembayaran terbit setelah pembayaran diterima."), RefusalKind.NotFound);
        }

        var facts = new List<(string, string)>
        {
            (L["Perusahaan"], company.CompanyName),
            (L["NPP"], company.Npp),
            (L["Divisi"], $"{company.DivisionCode} — {company.DivisionName}"),
            (L["Periode"], Show.Month(period)),
        };
        if (report.NeedsComputation)
        {
            facts.Add((L["Status Iuran"], L[PeriodTexts.Status(stored!, clock.JakartaToday())]));
        }

        if (report.NeedsPayment && !await db.Payments.AnyAsync(p => p.Bill.PeriodId == stored!.Id && p.Bill.Status == BillStatus.Lunas, cancellationToken))
        {
            return Refusal.Of(Wording.Of($"Tagihan periode {period.ToDisplayString()} lunas karena seluruhnya dikompensasikan dengan Kelebihan Iuran; tidak ada pembayaran yang perlu dibuktikan."), RefusalKind.NotFound);
        }

        var fileName = $"{report.Slug}-{company.Npp}-{company.DivisionCode}-{period}";
        return report.Kind switch
        {
            ReportKind.RincianIuran => Details(report, fileName, facts, stored!.Id),
            ReportKind.RekapProgram => PerProgram(report, fileName, facts, stored!),
            ReportKind.TenagaKerjaBaru => NewWorkers(report, fileName, facts, company.DivisionId, period),
            ReportKind.TenagaKerjaKeluar => LeavingWorkers(report, fileName, facts, company.DivisionId, period),
            ReportKind.DaftarUpah => Wages(report, fileName, facts, stored!.Id),
            ReportKind.IuranSusulan => await LateChargesAsync(report, fileName, facts, company.DivisionId, stored!.Id, LateChargeKind.Susulan, cancellationToken),
            ReportKind.IuranRapel => await LateChargesAsync(report, fileName, facts, company.DivisionId, stored!.Id, LateChargeKind.Rapel, cancellationToken),
            ReportKind.KelebihanIuran => await LateChargesAsync(report, fileName, facts, company.DivisionId, stored!.Id, LateChargeKind.Kelebihan, cancellationToken),
            _ => await ReceiptAsync(report, fileName, facts, stored!.Id, verificationBase, cancellationToken),
        };
    }

    private TableDocument Details(ReportInfo report, string fileName, List<(string, string)> facts, Guid periodId) => new()
    {
        Title = L[report.Title], FileName = fileName, Facts = facts,
        Columns =
        [
            new(L["Nama"], ColumnKind.Text, 2.2), new(L["KPJ"], ColumnKind.Text, 1.1), new(L["Nomor Pegawai"], ColumnKind.Text, 1.0), new(L["Upah"], ColumnKind.Money, 1.2),
            new(L["JHT Pemberi Kerja"], ColumnKind.Money, 1.2), new(L["JHT Tenaga Kerja"], ColumnKind.Money, 1.2), new(L["JKK"], ColumnKind.Money, 1.2),
            new(L["JKM"], ColumnKind.Money, 1.2), new(L["JP Pemberi Kerja"], ColumnKind.Money, 1.2), new(L["JP Tenaga Kerja"], ColumnKind.Money, 1.2),
            new(L["Jumlah Iuran"], ColumnKind.Money, 1.3),
        ],
        Rows = Rows(db.ContributionLines.AsNoTracking().Where(l => l.PeriodId == periodId).OrderBy(l => l.Employment.SortName).ThenBy(l => l.EmploymentId)
            .Select(l => new { l.Employment.Participant.FullName, l.Employment.Participant.Kpj, l.Employment.EmployeeNumber, l.Upah, l.JhtEmployer, l.JhtWorker, l.JkkEmployer, l.JkmEmployer, l.JpEmployer, l.JpWorker, l.Total })
            .AsAsyncEnumerable(), l => [l.FullName, l.Kpj, l.EmployeeNumber, l.Upah, l.JhtEmployer, l.JhtWorker, l.JkkEmployer, l.JkmEmployer, l.JpEmployer, l.JpWorker, l.Total]),
        Note = L["JKP tidak ditagihkan kepada pemberi kerja; rinciannya ada di halaman periode."],
    };

    private TableDocument PerProgram(ReportInfo report, string fileName, List<(string, string)> facts, ContributionPeriod period)
    {
        var t = ProgramTotals.Of(period);
        object?[][] rows =
        [
            [L["JHT — Jaminan Hari Tua"].Value, t.JhtEmployer, t.JhtWorker, t.JhtEmployer + t.JhtWorker],
            [L["JKK — Jaminan Kecelakaan Kerja"].Value, t.JkkEmployer, 0L, t.JkkEmployer],
            [L["JKM — Jaminan Kematian"].Value, t.JkmEmployer, 0L, t.JkmEmployer],
            [L["JP — Jaminan Pensiun"].Value, t.JpEmployer, t.JpWorker, t.JpEmployer + t.JpWorker],
        ];
        return new TableDocument
        {
            Title = L[report.Title], FileName = fileName, Facts = facts,
            Columns = [new(L["Program"], ColumnKind.Text, 2.4), new(L["Pemberi Kerja"], ColumnKind.Money), new(L["Tenaga Kerja"], ColumnKind.Money), new(L["Jumlah"], ColumnKind.Money)],
            Rows = rows.ToAsyncEnumerable(),
            Note = L["JKP — Jaminan Kehilangan Pekerjaan {0} ditampilkan sebagai informasi; tidak menambah tagihan.", new Rupiah(t.Jkp)],
        };
    }

    private TableDocument NewWorkers(ReportInfo report, string fileName, List<(string, string)> facts, Guid divisionId, Period period)
    {
        var (first, last) = (period.FirstDay, period.LastDay);
        return new TableDocument
        {
            Title = L[report.Title], FileName = fileName, Facts = facts,
            Columns =
            [
                new(L["Nama"], ColumnKind.Text, 2.4), new(L["KPJ"], ColumnKind.Text, 1.2), new(L["Nomor Pegawai"], ColumnKind.Text, 1.0), new(L["NIK"], ColumnKind.Text, 1.4),
                new(L["Mulai Kepesertaan"], ColumnKind.Date, 1.1), new(L["Status"], ColumnKind.Text, 1.3), new(L["Upah Awal"], ColumnKind.Money, 1.2),
            ],
            Rows = Rows(db.Employments.AsNoTracking()
                .Where(e => e.MembershipStartDate >= first && e.MembershipStartDate <= last && e.Status != EmploymentStatus.Ditolak)
                .OrderBy(e => e.SortName).ThenBy(e => e.Id)
                .Select(e => new
                {
                    e.Participant.FullName, e.Participant.Kpj, e.EmployeeNumber, e.Participant.Nik, e.Participant.PassportNumber, e.MembershipStartDate, e.Status,
                    Upah = e.WageHistory.OrderBy(w => w.EffectiveFrom).Select(w => (long?)w.Upah).FirstOrDefault(),
                })
                .AsAsyncEnumerable(), e => [e.FullName, e.Kpj ?? L["(menunggu verifikasi)"].Value, e.EmployeeNumber, WorkerTexts.MaskedId(e.Nik, e.PassportNumber), e.MembershipStartDate, L[WorkerTexts.Status(e.Status)].Value, e.Upah]),
        };
    }

    private TableDocument LeavingWorkers(ReportInfo report, string fileName, List<(string, string)> facts, Guid divisionId, Period period)
    {
        var (first, last) = (period.FirstDay, period.LastDay);
        return new TableDocument
        {
            Title = L[report.Title], FileName = fileName, Facts = facts,
            Columns =
            [
                new(L["Nama"], ColumnKind.Text, 2.4), new(L["KPJ"], ColumnKind.Text, 1.2), new(L["Nomor Pegawai"], ColumnKind.Text, 1.0), new(L["NIK"], ColumnKind.Text, 1.4),
                new(L["Tanggal Keluar"], ColumnKind.Date, 1.1), new(L["Alasan"], ColumnKind.Text, 1.6), new(L["Upah Terakhir"], ColumnKind.Money, 1.2),
            ],
            Rows = Rows(db.Employments.AsNoTracking()
                .Where(e => e.EndDate >= first && e.EndDate <= last)
                .OrderBy(e => e.SortName).ThenBy(e => e.Id)
                .Select(e => new { e.Participant.FullName, e.Participant.Kpj, e.EmployeeNumber, e.Participant.Nik, e.Participant.PassportNumber, e.EndDate, e.EndReason, e.LatestUpah })
                .AsAsyncEnumerable(), e => [e.FullName, e.Kpj, e.EmployeeNumber, WorkerTexts.MaskedId(e.Nik, e.PassportNumber), e.EndDate, e.EndReason is { } reason ? L[WorkerTexts.Reason(reason)].Value : null, e.LatestUpah]),
        };
    }

    private TableDocument Wages(ReportInfo report, string fileName, List<(string, string)> facts, Guid periodId) => new()
    {
        Title = L[report.Title], FileName = fileName, Facts = facts,
        Columns = [new(L["Nama"], ColumnKind.Text, 2.4), new(L["KPJ"], ColumnKind.Text, 1.2), new(L["Nomor Pegawai"], ColumnKind.Text, 1.0), new(L["NIK"], ColumnKind.Text, 1.4), new(L["Upah"], ColumnKind.Money, 1.2), new(L["Keterangan"], ColumnKind.Text, 1.6)],
        Rows = Rows(db.ContributionLines.AsNoTracking().Where(l => l.PeriodId == periodId).OrderBy(l => l.Employment.SortName).ThenBy(l => l.EmploymentId)
            .Select(l => new { l.Employment.Participant.FullName, l.Employment.Participant.Kpj, l.Employment.EmployeeNumber, l.Employment.Participant.Nik, l.Employment.Participant.PassportNumber, l.Upah, l.WageCorrected })
            .AsAsyncEnumerable(), l => [l.FullName, l.Kpj, l.EmployeeNumber, WorkerTexts.MaskedId(l.Nik, l.PassportNumber), l.Upah, l.WageCorrected ? L["Dikoreksi untuk periode ini"].Value : null]),
    };

    /// <summary>
    /// One kind of late charge (iuran.md §7) on the period's live bill, or, before it is final, waiting for it. Credits
    /// show the part set off against this bill (oldest credit first), or before it the part still available.
    /// </summary>
    private async Task<TableDocument> LateChargesAsync(
        ReportInfo report, string fileName, List<(string, string)> facts, Guid divisionId, Guid periodId, LateChargeKind kind, CancellationToken cancellationToken)
    {
        var bill = await db.Bills.AsNoTracking().SingleOrDefaultAsync(b => b.PeriodId == periodId && b.Status != BillStatus.Dibatalkan, cancellationToken);
        var rows = kind == LateChargeKind.Kelebihan
            ? (await LateChargeQuery.CreditsAsync(db, bill, cancellationToken)).Rows.ToAsyncEnumerable()
            : LateChargeQuery.ForReport(db, bill?.Id, kind).AsAsyncEnumerable();
        var amount = kind == LateChargeKind.Kelebihan ? L["Dikompensasikan"] : L["Jumlah Iuran"];
        return new TableDocument
        {
            Title = L[report.Title], FileName = fileName, Facts = facts,
            Columns =
            [
                new(L["Nama"], ColumnKind.Text, 2.2), new(L["KPJ"], ColumnKind.Text, 1.1), new(L["Nomor Pegawai"], ColumnKind.Text, 1.0), new(L["Bulan"], ColumnKind.Text, 0.8),
                new(L["Upah"], ColumnKind.Money, 1.2),
                new(L["JHT"], ColumnKind.Money, 1.1), new(L["JKK"], ColumnKind.Money, 1.1), new(L["JKM"], ColumnKind.Money, 1.1), new(L["JP"], ColumnKind.Money, 1.1),
                new(amount, ColumnKind.Money, 1.3), new(L["Denda"], ColumnKind.Money, 1.1),
            ],
            Rows = Rows(rows, r => [r.Name, r.Kpj, r.EmployeeNumber, r.Month.ToString(), r.Upah, r.Jht, r.Jkk, r.Jkm, r.Jp, kind == LateChargeKind.Kelebihan ? r.SetOff : r.Total, kind == LateChargeKind.Susulan ? r.Fine : null]),
            Note = bill is null
                ? L["Periode ini belum final: daftar ini menunggu tagihan periode ini dan dapat bertambah sampai finalisasi."]
                : kind switch
                {
                    LateChargeKind.Susulan => L["Denda Iuran Susulan: 2% per bulan keterlambatan sejak jatuh tempo bulan tersebut sampai tagihan ini terbit; sisanya sampai tanggal bayar ditagihkan pada tagihan berikutnya."],
                    LateChargeKind.Rapel => L["Iuran Rapel tidak didenda: kenaikan upah diputuskan sesudah jatuh tempo bulan tersebut."],
                    _ => L["Kelebihan Iuran dikompensasikan mulai dari yang tercatat paling awal; sisanya pada tagihan berikutnya."],
                },
        };
    }

    private async Task<TableDocument> ReceiptAsync(ReportInfo report, string fileName, List<(string, string)> facts, Guid periodId, string verificationBase, CancellationToken cancellationToken)
    {
        var paid = await db.Payments.AsNoTracking().Where(p => p.Bill.PeriodId == periodId && p.Bill.Status == BillStatus.Lunas)
            .Select(p => new
            {
                p.Bill.KodeIuran, p.Amount, p.Channel, p.Reference, p.PaidOn, p.ReceivedAt, p.ReceiptCode,
                p.Bill.ArrearsAmount, p.Bill.BackPayAmount, p.Bill.FineAmount, p.Bill.CreditAmount,
                p.Bill.ContributionPeriod.JhtTotal, p.Bill.ContributionPeriod.JkkTotal, p.Bill.ContributionPeriod.JkmTotal, p.Bill.ContributionPeriod.JpTotal,
            })
            .SingleAsync(cancellationToken);
        var channel = payments.Value.Channels.FirstOrDefault(c => c.Code == paid.Channel)?.Name ?? paid.Channel;
        // What the amount paid for: each program of the month, then what the bill carried besides (issue 16).
        (string Label, long Amount)[] programs = [(L["Iuran JHT"], paid.JhtTotal), (L["Iuran JKK"], paid.JkkTotal), (L["Iuran JKM"], paid.JkmTotal), (L["Iuran JP"], paid.JpTotal)];
        (string Label, long Amount)[] carried =
            [(L["Iuran Susulan"], paid.ArrearsAmount), (L["Iuran Rapel"], paid.BackPayAmount), (L["Denda"], paid.FineAmount), (L["Kelebihan Iuran"], -paid.CreditAmount)];
        object?[][] rows =
        [
            [L["Kode Iuran"].Value, paid.KodeIuran],
            [L["Jumlah Dibayar"].Value, new Rupiah(paid.Amount).ToString()],
            [L["Terbilang"].Value, Terbilang.Of(paid.Amount)],
            .. programs.Concat(carried.Where(c => c.Amount != 0)).Select(p => new object?[] { p.Label, new Rupiah(p.Amount).ToString() }),
            [L["Channel Pembayaran"].Value, channel],
            [L["Referensi Bank"].Value, paid.Reference],
            [L["Tanggal Bayar"].Value, paid.PaidOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)],
            [L["Diterima Sipp"].Value, JakartaTime.Display(paid.ReceivedAt)],
            [L["Kode Verifikasi"].Value, paid.ReceiptCode],
        ];
        return new TableDocument
        {
            Title = L[report.Title], FileName = fileName, Facts = facts,
            Columns = [new(L["Keterangan"], ColumnKind.Text, 1), new(L["Nilai"], ColumnKind.Text, 2)],
            Rows = rows.ToAsyncEnumerable(),
            Note = L[L["Keaslian bukti ini dapat diperiksa di {0} (pindai kode QR)."], verificationBase + paid.ReceiptCode],
            VerificationUrl = verificationBase + paid.ReceiptCode,
        };
    }

    private static async IAsyncEnumerable<object?[]> Rows<T>(IAsyncEnumerable<T> source, Func<T, object?[]> cells)
    {
        await foreach (var item in source)
        {
            yield return cells(item);
        }
    }
}
