using Sipp.Web.Features.Shared;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Workers.DeactivateWorker;

/// <summary>
/// "Non Aktifkan": date and reason (<see cref="WorkerFields.EndDate"/>, <see cref="WorkerFields.EndReason"/>, and
/// <see cref="DeactivationCheck.OtherTextField"/> for "Lainnya"), not before the start date; months billed after it
/// become Kelebihan Iuran.
/// </summary>
public sealed class WorkerDeactivation(SippDbContext db, LateChargePlanner lateCharges, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<WorkerSaved>> DeactivateAsync(Guid workerId, FormInput form, CancellationToken cancellationToken)
    {
        if (await db.FindWorkerAsync(workerId, cancellationToken) is not { } worker)
        {
            return WorkerScope.NotFound;
        }

        var v = new FieldValues(form.Isian);
        var result = DeactivationCheck.Check(v, WorkerFacts.Of(worker), clock.JakartaToday(), DeactivationCheck.OtherTextField);
        if (result is not { } end)
        {
            return Refusal.Of(v)!;
        }

        worker.Status = EmploymentStatus.NonAktif;
        worker.EndDate = end.EndDate;
        worker.EndReason = end.Reason;
        worker.EndReasonText = end.Text;
        audit.Record("tenagaKerja.nonAktif", WorkerAudit.Entity, worker.Id.ToString(), worker.DivisionId,
            new { status = "Aktif" }, new { status = "Non Aktif", tanggal = end.EndDate, alasan = WorkerTexts.Reason(end.Reason), keterangan = end.Text });
        var charges = await lateCharges.SaveWithChargesAsync(worker.DivisionId, worker.Id, audit, cancellationToken);
        return new WorkerSaved(worker.Id, $"{worker.Participant.FullName} non aktif sejak {WorkerTexts.Date(end.EndDate)}." + LateChargeTexts.Summary(charges));
    }
}
