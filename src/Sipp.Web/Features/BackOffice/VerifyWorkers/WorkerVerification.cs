using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Features.Workers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.BackOffice.VerifyWorkers;

/// <summary>
/// An officer's decision on a new participant of any company. Approving issues a KPJ and makes the worker Aktif from
/// the start date (months already final become Iuran Susulan); rejecting needs a reason the company sees.
/// </summary>
public sealed class WorkerVerification(SippDbContext db, LateChargePlanner lateCharges, Api.Webhooks.WebhookEvents webhooks, AuditLog audit, TimeProvider clock)
{
    public const string ReasonField = "alasan";
    private const int KpjAttempts = 5;
    public static Refusal Gone => Refusal.Of(Wording.Of("Data ini sudah diproses atau tidak ada."), RefusalKind.Conflict);

    public async Task<Result<WorkerSaved>> ApproveAsync(Guid employmentId, CancellationToken cancellationToken)
    {
        if (await FindPendingAsync(employmentId, cancellationToken) is not { } employment)
        {
            return Gone;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            var participant = employment.Participant;
            if (participant.Kpj is null)
            {
                var prefix = KpjIssuer.Prefix(now.Year);
                var highest = await db.Participants.Where(p => p.Kpj != null && p.Kpj.StartsWith(prefix))
                    .OrderByDescending(p => p.Kpj).Select(p => p.Kpj).FirstOrDefaultAsync(cancellationToken);
                participant.Kpj = KpjIssuer.Next(now.Year, highest).Value;
            }

            employment.Status = EmploymentStatus.Aktif;
            employment.VerifiedAt = now;
            audit.Record("tenagaKerja.disetujui", WorkerAudit.Entity, employment.Id.ToString(), employment.DivisionId,
                new { status = "Menunggu Verifikasi" }, new { status = "Aktif", kpj = participant.Kpj });
            await webhooks.WorkerAsync(Api.Webhooks.WebhookEvents.WorkerApproved, employment, cancellationToken);
            try
            {
                var charges = await lateCharges.SaveWithChargesAsync(employment.DivisionId, employment.Id, audit, cancellationToken);
                return new WorkerSaved(employment.Id, Wording.Of($"{participant.FullName} disetujui dengan KPJ {participant.Kpj}.") + LateChargeTexts.Summary(charges));
            }
            catch (DbUpdateException) when (attempt < KpjAttempts)
            {
                // Another approval took this number at the same moment: take the next one.
                db.ChangeTracker.Clear();
                employment = await db.Employments.Include(e => e.Participant).SingleAsync(e => e.Id == employmentId, cancellationToken);
                employment.Participant.Kpj = null;
            }
        }
    }

    public async Task<Result<WorkerSaved>> RejectAsync(Guid employmentId, string? alasan, CancellationToken cancellationToken)
    {
        if (CheckReason(alasan) is { } refusal)
        {
            return refusal;
        }

        var reason = alasan!.Trim();

        if (await FindPendingAsync(employmentId, cancellationToken) is not { } employment)
        {
            return Gone;
        }

        employment.Status = EmploymentStatus.Ditolak;
        employment.RejectionReason = reason;
        employment.VerifiedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("tenagaKerja.ditolak", WorkerAudit.Entity, employment.Id.ToString(), employment.DivisionId,
            new { status = "Menunggu Verifikasi" }, new { status = "Ditolak", alasan = reason });
        await webhooks.WorkerAsync(Api.Webhooks.WebhookEvents.WorkerRejected, employment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new WorkerSaved(employment.Id, Wording.Of($"{employment.Participant.FullName} ditolak."));
    }

    /// <summary>A rejection's reason: the company reads it, so it is required and bounded.</summary>
    public static Refusal? CheckReason(string? alasan) =>
        alasan?.Trim() is { Length: > 0 and <= 500 }
            ? null
            : Refusal.Field(ReasonField, Wording.Of("Alasan penolakan wajib diisi (paling panjang 500 karakter); perusahaan akan membacanya."));

    /// <summary>A worker waiting in the queue, of any company; from then on the request works in that worker's division.</summary>
    private async Task<Employment?> FindPendingAsync(Guid id, CancellationToken cancellationToken)
    {
        var employment = await db.Employments.AcrossDivisions().Include(e => e.Participant)
            .SingleOrDefaultAsync(e => e.Id == id && e.Status == EmploymentStatus.MenungguVerifikasi, cancellationToken);
        if (employment is not null)
        {
            db.ScopeTo(employment.DivisionId);
        }

        return employment;
    }
}
