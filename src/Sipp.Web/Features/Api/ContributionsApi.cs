using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Features.Contributions.ApproveFinalization;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Api;

/// <summary>
/// The month's contributions of a granted division, through the pages' handlers: compute a period, read its totals,
/// warnings and lines, finalise it with a channel (the bill), cancel the finalisation, and read a bill by Kode Iuran.
/// </summary>
public static class ContributionsApi
{
    public static void Map(RouteGroupBuilder divisions)
    {
        var manage = ApiScopes.Policy(ApiScopes.Contributions);
        divisions.MapPost("/{divisi}/iuran/{periode}/hitung", ComputeAsync).RequireAuthorization(manage).WithName("HitungIuran").WithSummary("Hitung iuran periode");
        divisions.MapGet("/{divisi}/iuran/{periode}", SummaryAsync).RequireAuthorization(manage).WithName("RingkasanIuran").WithSummary("Jumlah per program, peringatan dan tagihan periode");
        divisions.MapGet("/{divisi}/iuran/{periode}/rincian", LinesAsync).RequireAuthorization(manage).WithName("RincianIuran").WithSummary("Rincian iuran per tenaga kerja (kursor)");
        divisions.MapGet("/{divisi}/iuran/{periode}/rincian.csv", LinesCsvAsync).RequireAuthorization(manage).WithName("RincianIuranCsv").Produces(StatusCodes.Status200OK, typeof(byte[]), "text/csv")
            .WithSummary("Rincian iuran per tenaga kerja sebagai satu CSV (laporan Rincian Iuran)");
        divisions.MapPost("/{divisi}/iuran/{periode}/finalisasi", FinalizeAsync).RequireAuthorization(manage).WithName("FinalisasiIuran").WithSummary("Finalisasi dengan Channel Pembayaran: menerbitkan tagihan");
        divisions.MapPost("/{divisi}/iuran/{periode}/batal-finalisasi", CancelAsync).RequireAuthorization(manage).WithName("BatalFinalisasiIuran").WithSummary("Batal Finalisasi selama belum dibayar");
        divisions.MapGet("/{divisi}/tagihan/{kodeIuran}", BillAsync).RequireAuthorization(manage).WithName("Tagihan").WithSummary("Tagihan menurut Kode Iuran");
    }

    private static async Task<IResult> ComputeAsync(
        string divisi, string periode, ApiCaller caller, PeriodComputation computation, SippDbContext db, RuleTableProvider rules, CancellationToken cancellationToken) =>
        await InPeriodAsync(divisi, periode, caller, async (division, period) =>
            await computation.ComputeAsync(division.Id, period, cancellationToken) is { } refusal
                ? refusal.ToProblem()
                : await SummaryOfAsync(db, rules, division, period, cancellationToken), cancellationToken);

    private static async Task<IResult> SummaryAsync(string divisi, string periode, ApiCaller caller, SippDbContext db, RuleTableProvider rules, CancellationToken cancellationToken) =>
        await InPeriodAsync(divisi, periode, caller, (division, period) => SummaryOfAsync(db, rules, division, period, cancellationToken), cancellationToken);

    /// <summary>The period's lines in name order, a page at a time (<c>jumlah</c> up to 1,000, cursor <c>setelah</c>).</summary>
    private static async Task<IResult> LinesAsync(
        string divisi, string periode, string? setelah, int? jumlah, ApiCaller caller, SippDbContext db, CancellationToken cancellationToken) =>
        await InPeriodAsync(divisi, periode, caller, async (_, period) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var (size, after) = WorkerCursor.Paging(setelah, jumlah, errors);
            if (errors.Count > 0)
            {
                return new Refusal(RefusalKind.Invalid, errors).ToProblem();
            }

            var lines = db.ContributionLines.AsNoTracking().Where(l => l.ContributionPeriod.Period == period);
            if (after is { } cursor)
            {
                lines = lines.Where(l => string.Compare(l.Employment.SortName, cursor.SortName) > 0
                    || (l.Employment.SortName == cursor.SortName && l.EmploymentId.CompareTo(cursor.Id) > 0));
            }

            var page = await lines.OrderBy(l => l.Employment.SortName).ThenBy(l => l.EmploymentId).Take(size + 1)
                .Select(l => new
                {
                    l.EmploymentId, l.Employment.SortName, l.Employment.Participant.Kpj, l.Employment.EmployeeNumber, l.Employment.Participant.FullName, l.Upah,
                    l.WageCorrected, l.JhtEmployer, l.JhtWorker, l.JkkEmployer, l.JkmEmployer, l.JpEmployer, l.JpWorker, l.JpStatus, l.Total,
                })
                .ToListAsync(cancellationToken);
            var rows = page.Take(size).ToList();
            return TypedResults.Ok(new
            {
                data = rows.Select(l => new
                {
                    kpj = l.Kpj, nomorPegawai = l.EmployeeNumber, nama = l.FullName, upah = l.Upah, upahDikoreksi = l.WageCorrected,
                    jhtPemberiKerja = l.JhtEmployer, jhtTenagaKerja = l.JhtWorker, jkk = l.JkkEmployer, jkm = l.JkmEmployer, jpPemberiKerja = l.JpEmployer,
                    jpTenagaKerja = l.JpWorker, jpDihitung = l.JpStatus == Sipp.Domain.Contributions.JpStatus.Due, jumlah = l.Total,
                }),
                berikutnya = page.Count > size ? WorkerCursor.Write(rows[^1].SortName, rows[^1].EmploymentId) : null,
            });
        }, cancellationToken);

    /// <summary>Every line at once, as the "Rincian Iuran per Tenaga Kerja" report's CSV: the same file a person downloads.</summary>
    private static async Task<IResult> LinesCsvAsync(
        string divisi, string periode, HttpContext context, ApiCaller caller, Reports.PeriodReports reports, SippDbContext db, Infrastructure.Audit.AuditLog audit,
        TimeProvider clock, CancellationToken cancellationToken) =>
        await caller.DivisionAsync(divisi, cancellationToken) is { } division
            ? await Reports.DownloadReport.ReportsApi.SendAsync(division.AsCompany(caller.Client), periode, "rincian-iuran", "csv", context, reports, db, audit, clock, cancellationToken)
            : WorkersApi.NoDivision();

    /// <summary><c>{"channel": "…"}</c>: the Channel Pembayaran, as the "Finalisasi" form asks.</summary>
    private static async Task<IResult> FinalizeAsync(
        string divisi, string periode, HttpRequest request, ApiCaller caller, FinalizationApproval approval, SippDbContext db, RuleTableProvider rules, CancellationToken cancellationToken) =>
        await InPeriodAsync(divisi, periode, caller, async (division, period) =>
        {
            var body = await ApiFields.ObjectAsync(request, cancellationToken);
            if (body.Refusal is { } unreadable)
            {
                return unreadable.ToProblem();
            }

            string? channel;
            using (var document = body.Value!)
            {
                channel = document.RootElement.TryGetProperty("channel", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
            }

            var result = await approval.FinalizeAsync(division.Id, period, channel, MakerOf(request.HttpContext, caller), cancellationToken);
            return result.Refusal is { } refusal
                ? (refusal with { Errors = refusal.Errors.ToDictionary(e => e.Key == BillIssuing.ChannelField ? "channel" : e.Key, e => e.Value, StringComparer.Ordinal) }).ToProblem()
                : await AnsweredAsync(result.Value!, db, rules, division, period, cancellationToken);
        }, cancellationToken);

    /// <summary>A client acts for its creator: the creator cannot approve what their client asked for (ADR 0024).</summary>
    private static Maker MakerOf(HttpContext context, ApiCaller caller) => new(caller.Client.CreatedByUserId, context.User.DisplayName() ?? caller.Client.Name);

    /// <summary>Done: the period as it now is. Asked for approval: 202 with the waiting request, the period unchanged.</summary>
    private static async Task<IResult> AnsweredAsync(FinalizationOutcome outcome, SippDbContext db, RuleTableProvider rules, ApiDivision division, Period period, CancellationToken cancellationToken)
    {
        if (!outcome.AwaitsApproval)
        {
            return await SummaryOfAsync(db, rules, division, period, cancellationToken);
        }

        var waiting = await db.FinalizationRequests.AsNoTracking().Where(r => r.Period == period && r.Status == Data.Contributions.FinalizationRequestStatus.Menunggu)
            .Select(r => new { r.Id, r.Kind, r.RequestedAt }).SingleAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new
        {
            status = "menungguPersetujuan",
            permintaan = new { id = waiting.Id, jenis = waiting.Kind == Data.Contributions.FinalizationRequestKind.Finalisasi ? "finalisasi" : "batalFinalisasi", diminta = waiting.RequestedAt },
            pesan = Wording.Of("Divisi ini mewajibkan persetujuan: tagihan terbit (atau dibatalkan) setelah penyetuju menyetujuinya di Sipp; webhook tagihan.terbit memberi tahu."),
        });
    }

    private static async Task<IResult> CancelAsync(
        string divisi, string periode, HttpContext context, ApiCaller caller, FinalizationApproval approval, SippDbContext db, RuleTableProvider rules, CancellationToken cancellationToken) =>
        await InPeriodAsync(divisi, periode, caller, async (division, period) =>
        {
            var result = await approval.CancelAsync(division.Id, period, MakerOf(context, caller), cancellationToken);
            return result.Refusal is { } refusal ? refusal.ToProblem() : await AnsweredAsync(result.Value!, db, rules, division, period, cancellationToken);
        }, cancellationToken);

    private static async Task<IResult> BillAsync(string divisi, string kodeIuran, ApiCaller caller, SippDbContext db, CancellationToken cancellationToken)
    {
        if (await caller.DivisionAsync(divisi, cancellationToken) is null)
        {
            return WorkersApi.NoDivision();
        }

        var bill = await db.Bills.AsNoTracking().Where(b => b.KodeIuran == kodeIuran).Select(b => new { b, b.ContributionPeriod.Period }).SingleOrDefaultAsync(cancellationToken);
        return bill is null
            ? Refusal.Field("kodeIuran", Wording.Of("Tagihan dengan Kode Iuran ini tidak ada di divisi ini."), RefusalKind.NotFound).ToProblem()
            : TypedResults.Ok(BillJson(bill.b, bill.Period));
    }

    private static async Task<IResult> InPeriodAsync(string divisi, string periode, ApiCaller caller, Func<ApiDivision, Period, Task<IResult>> act, CancellationToken cancellationToken)
    {
        if (await caller.DivisionAsync(divisi, cancellationToken) is not { } division)
        {
            return WorkersApi.NoDivision();
        }

        return Period.TryParse(periode, out var period, out var error) ? await act(division, period) : Refusal.Field("periode", error).ToProblem();
    }

    private static async Task<IResult> SummaryOfAsync(SippDbContext db, RuleTableProvider rules, ApiDivision division, Period period, CancellationToken cancellationToken)
    {
        var summary = await PeriodSummary.LoadAsync(db, await rules.GetAsync(cancellationToken), division.Id, period, cancellationToken);
        if (summary is null)
        {
            return Refusal.Field("periode", Wording.Of("Iuran periode ini belum dihitung."), RefusalKind.NotFound).ToProblem();
        }

        var (stored, totals) = (summary.Period, summary.Totals);
        return TypedResults.Ok(new
        {
            divisi = division.Key, periode = period.ToString(), status = stored.Status.ToString(), perhitunganKe = stored.Computation, jumlahTenagaKerja = stored.WorkerCount,
            jumlah = new
            {
                jhtPemberiKerja = totals.JhtEmployer, jhtTenagaKerja = totals.JhtWorker, jkk = totals.JkkEmployer, jkm = totals.JkmEmployer,
                jpPemberiKerja = totals.JpEmployer, jpTenagaKerja = totals.JpWorker, jkp = totals.Jkp, pemberiKerja = totals.Employer, tenagaKerja = totals.Worker, total = totals.Total,
            },
            peringatan = summary.Warnings.Select(w => w.Text),
            tagihan = summary.LiveBill is { } bill ? BillJson(bill, period) : null,
        });
    }

    /// <summary>A bill as the API answers it, and as its webhooks carry it.</summary>
    public static object BillJson(Bill bill, Period period) => new
    {
        kodeIuran = bill.KodeIuran, periode = period.ToString(), channel = bill.Channel, status = bill.Status.ToString(), jatuhTempo = bill.DueDate,
        iuran = bill.ContributionAmount, iuranSusulan = bill.ArrearsAmount, iuranRapel = bill.BackPayAmount, denda = bill.FineAmount,
        kelebihanIuran = bill.CreditAmount, total = bill.TotalAmount, diterbitkan = bill.IssuedAt, dibayar = bill.PaidAt,
    };
}
