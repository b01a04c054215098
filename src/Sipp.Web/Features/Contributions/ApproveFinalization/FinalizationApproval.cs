using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;
using Sipp.Data.Contributions;
using Sipp.Domain;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Features.Payments;
using Sipp.Web.Features.Shared;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Contributions.ApproveFinalization;

/// <summary>Who asks: the signed-in person, or the creator of the API client that asked (its name says which).</summary>
public sealed record Maker(Guid UserId, string Name);

/// <summary>What a Finalisasi or Batal Finalisasi did: done at once, or asked for and waiting for approval.</summary>
public sealed record FinalizationOutcome(bool AwaitsApproval)
{
    public static readonly FinalizationOutcome Done = new(false);

    public static readonly FinalizationOutcome Requested = new(true);
}

/// <summary>
/// "Persetujuan" (ADR 0024): in a division with "Finalisasi perlu persetujuan", Finalisasi and Batal Finalisasi — from a
/// page or the API — become requests pinned to the period as it was; a second person with the approving role approves
/// (the bill is issued or voided then, by <see cref="BillIssuing"/>, in the same transaction as the claim) or rejects
/// with a reason. The maker never decides their own request. Two approvals at once: the conditional update lets one
/// claim the request, the other is told it was decided.
/// </summary>
public sealed class FinalizationApproval(SippDbContext db, BillIssuing billing, IOptions<PaymentOptions> payments, Outbox outbox, AuditLog audit, TimeProvider clock)
{
    public const int MaxReason = 500;

    public static string AlreadyWaiting => Wording.Of("Sudah ada permintaan yang menunggu persetujuan untuk periode ini.");

    public static string AlreadyDecided => Wording.Of("Permintaan ini sudah diputuskan.");

    public async Task<Result<FinalizationOutcome>> FinalizeAsync(Guid divisionId, Period period, string? channel, Maker maker, CancellationToken cancellationToken)
    {
        if (!await NeedsApprovalAsync(divisionId, cancellationToken))
        {
            return await billing.FinalizeAsync(divisionId, period, channel, cancellationToken) is { } refusal ? refusal : FinalizationOutcome.Done;
        }

        if (payments.Value.Find(channel) is null)
        {
            return Refusal.Field(BillIssuing.ChannelField, Wording.Of("Pilih Channel Pembayaran."));
        }

        return await RequestAsync(divisionId, period, FinalizationRequestKind.Finalisasi, channel, maker, cancellationToken);
    }

    public async Task<Result<FinalizationOutcome>> CancelAsync(Guid divisionId, Period period, Maker maker, CancellationToken cancellationToken) =>
        await NeedsApprovalAsync(divisionId, cancellationToken)
            ? await RequestAsync(divisionId, period, FinalizationRequestKind.BatalFinalisasi, null, maker, cancellationToken)
            : await billing.CancelAsync(divisionId, period, cancellationToken) is { } refusal ? refusal : FinalizationOutcome.Done;

    public Task<bool> NeedsApprovalAsync(Guid divisionId, CancellationToken cancellationToken) =>
        db.Divisions.Where(d => d.Id == divisionId).Select(d => d.FinalizationNeedsApproval).SingleAsync(cancellationToken);

    private async Task<Result<FinalizationOutcome>> RequestAsync(
        Guid divisionId, Period period, FinalizationRequestKind kind, string? channel, Maker maker, CancellationToken cancellationToken)
    {
        var stored = await db.ContributionPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Period == period, cancellationToken);
        var status = stored?.Status ?? PeriodStatus.BelumDihitung;
        var refused = kind == FinalizationRequestKind.Finalisasi ? PeriodLifecycle.CanFinalize(status, stored?.WorkerCount ?? 0) : PeriodLifecycle.CanCancelFinalization(status);
        if (refused is not null)
        {
            return Refusal.Of(refused, RefusalKind.Conflict);
        }

        var request = new FinalizationRequest
        {
            Id = Guid.CreateVersion7(), DivisionId = divisionId, PeriodId = stored!.Id, Period = period, Kind = kind, Channel = channel, PeriodVersion = stored.Version,
            Status = FinalizationRequestStatus.Menunggu, RequestedByUserId = maker.UserId, RequestedByName = maker.Name, RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.FinalizationRequests.Add(request);
        audit.Record("persetujuan.minta", "Periode", stored.Id.ToString(), divisionId, after: new { jenis = kind.ToString(), periode = period.ToString(), channel, total = stored.Total });
        foreach (var approver in await ApproversAsync(maker.UserId, cancellationToken))
        {
            Wording.In(approver.Language, () => outbox.Email(approver.Email, Wording.Of($"Persetujuan {KindLabel(kind)} {Show.Month(period)}"), Outbox.Paragraphs(
                Wording.Of($"{maker.Name} meminta {KindLabel(kind)} iuran periode {Show.Month(period)} (total iuran {new Sipp.Domain.Money.Rupiah(stored.Total)})."),
                Wording.Of("Setujui atau tolak di Sipp, menu Iuran → Persetujuan."))));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Refusal.Of(AlreadyWaiting, RefusalKind.Conflict); // the filtered unique index: one waiting request per period
        }

        return FinalizationOutcome.Requested;
    }

    /// <summary>Approves a waiting request of the current division: claims it, then issues or voids the bill, in one transaction.</summary>
    public async Task<Result<string>> ApproveAsync(CompanyContext approver, Guid requestId, CancellationToken cancellationToken)
    {
        var decidable = await DecidableAsync(approver, requestId, cancellationToken);
        if (decidable.Refusal is { } refused)
        {
            return refused;
        }

        var request = decidable.Value!; // its fields do not change; only its status, which the claim below checks
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = AuditLog.ActingName(await NameOfAsync(approver.UserId, cancellationToken), approver);
        var claimed = await db.FinalizationRequests.Where(r => r.Id == requestId && r.Status == FinalizationRequestStatus.Menunggu)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, FinalizationRequestStatus.Disetujui).SetProperty(x => x.DecidedAt, now)
                .SetProperty(x => x.DecidedByUserId, approver.UserId).SetProperty(x => x.DecidedByName, name), cancellationToken);
        if (claimed == 0)
        {
            return Refusal.Of(AlreadyDecided, RefusalKind.Conflict);
        }

        var version = await db.ContributionPeriods.Where(p => p.Id == request.PeriodId).Select(p => p.Version).SingleAsync(cancellationToken);
        if (version != request.PeriodVersion)
        {
            // The period was recomputed or corrected after the request: what was asked for is not what would be billed.
            await db.FinalizationRequests.Where(r => r.Id == requestId)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, FinalizationRequestStatus.Usang), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Refusal.Of(Wording.Of("Iuran periode ini berubah sejak permintaan dibuat, jadi permintaan tidak berlaku lagi. Pembuatnya perlu memintanya lagi."), RefusalKind.Conflict);
        }

        var acted = request.Kind == FinalizationRequestKind.Finalisasi
            ? await billing.FinalizeAsync(request.DivisionId, request.Period, request.Channel, cancellationToken)
            : await billing.CancelAsync(request.DivisionId, request.Period, cancellationToken);
        if (acted is not null)
        {
            return acted; // rolled back with the claim: the request still waits
        }

        audit.Record("persetujuan.setujui", "Periode", request.PeriodId.ToString(), request.DivisionId, after: new { jenis = request.Kind.ToString(), periode = request.Period.ToString(), diminta = request.RequestedByName });
        await TellMakerAsync(request, approved: true, name, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return request.Kind == FinalizationRequestKind.Finalisasi
            ? Wording.Of($"Disetujui. Periode {Show.Month(request.Period)} telah difinalisasi; tagihan terbit.")
            : Wording.Of($"Disetujui. Finalisasi periode {Show.Month(request.Period)} dibatalkan; tagihannya tidak berlaku lagi.");
    }

    public async Task<Result<string>> RejectAsync(CompanyContext approver, Guid requestId, string? reason, CancellationToken cancellationToken)
    {
        var cleaned = (reason ?? string.Empty).Trim();
        if (cleaned.Length is 0 or > MaxReason)
        {
            return Refusal.Field("Alasan", Wording.Of($"Tulis alasan penolakan, paling banyak {MaxReason} karakter."));
        }

        var decidable = await DecidableAsync(approver, requestId, cancellationToken);
        if (decidable.Refusal is { } refused)
        {
            return refused;
        }

        var request = decidable.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var name = AuditLog.ActingName(await NameOfAsync(approver.UserId, cancellationToken), approver);
        var rejected = await db.FinalizationRequests.Where(r => r.Id == requestId && r.Status == FinalizationRequestStatus.Menunggu)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, FinalizationRequestStatus.Ditolak).SetProperty(x => x.DecidedAt, now)
                .SetProperty(x => x.DecidedByUserId, approver.UserId).SetProperty(x => x.DecidedByName, name).SetProperty(x => x.Reason, cleaned), cancellationToken);
        if (rejected == 0)
        {
            return Refusal.Of(AlreadyDecided, RefusalKind.Conflict);
        }

        audit.Record("persetujuan.tolak", "Periode", request.PeriodId.ToString(), request.DivisionId, after: new { jenis = request.Kind.ToString(), periode = request.Period.ToString(), alasan = cleaned });
        await TellMakerAsync(request, approved: false, name, cleaned, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of($"Permintaan {KindLabel(request.Kind)} periode {Show.Month(request.Period)} ditolak.");
    }

    /// <summary>"Tarik Permintaan": the maker takes back their own request while it still waits.</summary>
    public async Task<Result<string>> WithdrawAsync(CompanyContext maker, Guid requestId, CancellationToken cancellationToken)
    {
        var withdrawn = await db.FinalizationRequests.Where(r => r.Id == requestId && r.RequestedByUserId == maker.UserId && r.Status == FinalizationRequestStatus.Menunggu)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, FinalizationRequestStatus.Ditarik).SetProperty(x => x.DecidedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        if (withdrawn == 0)
        {
            return Refusal.Of(Wording.Of("Hanya permintaan Anda sendiri yang masih menunggu yang dapat ditarik."), RefusalKind.Conflict);
        }

        var request = await db.FinalizationRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);
        audit.Record("persetujuan.tarik", "Periode", request.PeriodId.ToString(), request.DivisionId, after: new { jenis = request.Kind.ToString(), periode = request.Period.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of($"Permintaan {KindLabel(request.Kind)} periode {Show.Month(request.Period)} ditarik.");
    }

    /// <summary>"Finalisasi perlu persetujuan", a division's setting its Admin turns on or off; requests already waiting stay.</summary>
    public async Task<Result<string>> RequireApprovalAsync(CompanyContext admin, bool required, CancellationToken cancellationToken)
    {
        if (!admin.IsAdmin)
        {
            return Refusal.Of(Wording.Of("Hanya Admin yang dapat mengubah pengaturan ini."), RefusalKind.Forbidden);
        }

        await db.Divisions.Where(d => d.Id == admin.DivisionId).ExecuteUpdateAsync(d => d.SetProperty(x => x.FinalizationNeedsApproval, required), cancellationToken);
        audit.Record("pengaturan.persetujuan", "Divisi", admin.DivisionId.ToString(), admin.DivisionId, after: new { finalisasiPerluPersetujuan = required });
        await db.SaveChangesAsync(cancellationToken);
        return required
            ? Wording.Of("Finalisasi perlu persetujuan: mulai sekarang Finalisasi dan Batal Finalisasi menunggu persetujuan orang lain.")
            : Wording.Of("Finalisasi tidak lagi perlu persetujuan.");
    }

    public static string KindLabel(FinalizationRequestKind kind) => kind == FinalizationRequestKind.Finalisasi ? "Finalisasi" : "Batal Finalisasi";

    /// <summary>How a request's state reads (its enum names are Indonesian words).</summary>
    public static IEnumerable<string> StatusLabels => Enum.GetNames<FinalizationRequestStatus>();

    /// <summary>The request, unless it is not in this division, the role may not approve, or it is the approver's own: refused before anything is claimed.</summary>
    private async Task<Result<FinalizationRequest>> DecidableAsync(CompanyContext approver, Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.FinalizationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return Refusal.Of(Wording.Of("Permintaan tidak ditemukan di divisi ini."), RefusalKind.NotFound);
        }

        if (!approver.IsApprover)
        {
            return Refusal.Of(Wording.Of("Peran Anda tidak boleh memutuskan permintaan persetujuan."), RefusalKind.Forbidden);
        }

        return request.RequestedByUserId == approver.UserId
            ? Refusal.Of(Wording.Of("Anda tidak dapat memutuskan permintaan Anda sendiri: orang lain dengan peran penyetuju yang memutuskannya."), RefusalKind.Forbidden)
            : request;
    }

    private Task<string> NameOfAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(cancellationToken);

    /// <summary>The division's members with the approving role and the staff of bureaus granted it, but not the maker.</summary>
    private async Task<List<(string Email, string Language)>> ApproversAsync(Guid makerId, CancellationToken cancellationToken)
    {
        var approving = CompanyRoles.ByPolicy[Policies.CompanyApprover].ToList();
        var today = clock.JakartaToday();
        var members = await db.Memberships.Where(m => m.IsActive && m.User.IsActive && approving.Contains(m.Role) && m.UserId != makerId && m.User.Email != null)
            .Select(m => new { m.User.Email, m.User.Language }).ToListAsync(cancellationToken);
        var bureauStaff = await db.BureauGrants.Where(g => g.Status == BureauGrantStatus.Aktif && g.EndsOn >= today && approving.Contains(g.Role))
            .SelectMany(g => g.Bureau.Staff).Where(s => s.IsActive && s.User.IsActive && s.UserId != makerId && s.User.Email != null)
            .Select(s => new { s.User.Email, s.User.Language }).ToListAsync(cancellationToken);
        return members.Concat(bureauStaff).DistinctBy(a => a.Email).Select(a => (a.Email!, a.Language)).ToList();
    }

    private async Task TellMakerAsync(FinalizationRequest request, bool approved, string decidedBy, string? reason, CancellationToken cancellationToken)
    {
        var maker = await db.Users.Where(u => u.Id == request.RequestedByUserId).Select(u => new { u.Email, u.Language }).SingleOrDefaultAsync(cancellationToken);
        if (maker?.Email is null)
        {
            return;
        }

        var (kind, month) = (KindLabel(request.Kind), Show.Month(request.Period));
        Wording.In(maker.Language, () => outbox.Email(maker.Email, approved ? Wording.Of($"{kind} {month}: disetujui") : Wording.Of($"{kind} {month}: ditolak"), approved
            ? Wording.Of($"{decidedBy} menyetujui permintaan {KindLabel(request.Kind)} iuran periode {Show.Month(request.Period)}.")
            : Outbox.Paragraphs(Wording.Of($"{decidedBy} menolak permintaan {KindLabel(request.Kind)} iuran periode {Show.Month(request.Period)}."), Wording.Of($"Alasan: {reason}"))));
    }
}
