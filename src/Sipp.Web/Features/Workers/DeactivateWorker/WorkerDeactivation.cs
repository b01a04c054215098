using Sipp.Web.Features.Shared;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.DeactivateWorker;

/// <summary>
/// "Non Aktifkan": date and reason (<see cref="WorkerFields.EndDate"/>, <see cref="WorkerFields.EndReason"/>, and
/// <see cref="DeactivationCheck.OtherTextField"/> for "Lainnya"), not before the start date; months billed after it
/// become Kelebihan Iuran.
/// </summary>
public sealed class WorkerDeactivation(SippDbContext db, LateChargePlanner lateCharges, AuditLog audit, TimeProvider clock)
{
    /// <summary>What "Non Aktifkan" would do, checked but not done: the page asks to confirm it first.</summary>
    public async Task<Result<DeactivationPlan>> CheckAsync(Guid workerId, FormInput form, CancellationToken cancellationToken)
    {
        var (worker, refusal) = await CheckedAsync(workerId, form, cancellationToken);
        return refusal ?? (Result<DeactivationPlan>)worker!.Plan;
    }

    public async Task<Result<WorkerSaved>> DeactivateAsync(Guid workerId, FormInput form, CancellationToken cancellationToken)
    {
        var (checkedWorker, refusal) = await CheckedAsync(workerId, form, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (worker, end) = checkedWorker!;
        worker.Status = EmploymentStatus.NonAktif;
        worker.EndDate = end.EndDate;
        worker.EndReason = end.Reason;
        worker.EndReasonText = end.Text;
        audit.Record("tenagaKerja.nonAktif", WorkerAudit.Entity, worker.Id.ToString(), worker.DivisionId,
            new { status = "Aktif" }, new { status = "Non Aktif", tanggal = end.EndDate, alasan = WorkerTexts.Reason(end.Reason), keterangan = end.Text });
        var charges = await lateCharges.SaveWithChargesAsync(worker.DivisionId, worker.Id, audit, cancellationToken);
        return new WorkerSaved(worker.Id, Wording.Of($"{worker.Participant.FullName} non aktif sejak {Show.Date(end.EndDate)}.") + LateChargeTexts.Summary(charges));
    }

    private async Task<(CheckedWorker? Worker, Refusal? Refusal)> CheckedAsync(Guid workerId, FormInput form, CancellationToken cancellationToken)
    {
        if (await db.FindWorkerAsync(workerId, cancellationToken) is not { } worker)
        {
            return (null, WorkerScope.NotFound);
        }

        var v = new FieldValues(form.Isian);
        return DeactivationCheck.Check(v, WorkerFacts.Of(worker), clock.JakartaToday(), DeactivationCheck.OtherTextField) is { } end
            ? (new CheckedWorker(worker, end), null)
            : (null, Refusal.Of(v));
    }

    private sealed record CheckedWorker(Employment Worker, (DateOnly EndDate, EndReason Reason, string? Text) End)
    {
        public DeactivationPlan Plan => new(Worker.Participant.FullName, End.EndDate, End.Reason);
    }
}

/// <summary>The deactivation a person is asked to confirm: who, from when, why.</summary>
public sealed record DeactivationPlan(string Name, DateOnly EndDate, EndReason Reason)
{
    /// <summary>The first period no longer billed: the month after the last day worked (iuran.md, Kelebihan Iuran).</summary>
    public Period FirstUnbilled => Period.Containing(EndDate).AddMonths(1);
}
