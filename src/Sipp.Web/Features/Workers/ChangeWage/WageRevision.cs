using Sipp.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.ChangeWage;

/// <summary>
/// "Perubahan Upah": a new wage from a period on (<see cref="WorkerFields.Wage"/>, <see cref="WorkerFields.WageFrom"/>);
/// the history is kept. A raise reaching into final or paid months is billed as Iuran Rapel on the next bill; a
/// decrease there is refused (iuran.md §7).
/// </summary>
public sealed class WageRevision(SippDbContext db, LateChargePlanner lateCharges, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<WorkerSaved>> ChangeAsync(Guid workerId, FormInput form, CancellationToken cancellationToken)
    {
        if (await db.FindWorkerAsync(workerId, cancellationToken) is not { } worker)
        {
            return WorkerScope.NotFound;
        }

        var v = new FieldValues(form.Isian);
        var upah = v.Rupiah(F.Wage);
        var period = v.Parse<Period>(F.WageFrom, true, (string? i, out Period o, out string e) => Period.TryParse(i, out o, out e));
        if (period is { } from)
        {
            foreach (var error in WageChangeRules.Check(WorkerFacts.Of(worker), from))
            {
                v.Fail(F.WageFrom, error);
            }

            if (!v.HasErrors && upah is { } proposed
                && LateChargePlanner.DecreaseRefusal(await lateCharges.PlanAsync(worker.DivisionId, [worker.Id], new Dictionary<Guid, ProposedWage> { [worker.Id] = new(from, proposed) }, cancellationToken)) is { } decrease)
            {
                v.Fail(F.WageFrom, decrease);
            }
        }

        if (Refusal.Of(v) is { } refusal)
        {
            return refusal;
        }

        var existing = await db.WageChanges.SingleOrDefaultAsync(w => w.EmploymentId == worker.Id && w.EffectiveFrom == period!.Value, cancellationToken);
        var before = await db.WageInAsync(worker.Id, period!.Value, cancellationToken);
        if (existing is null)
        {
            db.WageChanges.Add(new WageChange { EmploymentId = worker.Id, EffectiveFrom = period.Value, Upah = upah!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            existing.Upah = upah!.Value;
        }

        audit.Record("tenagaKerja.ubahUpah", WorkerAudit.Entity, worker.Id.ToString(), worker.DivisionId,
            new { periode = period.Value.ToString(), upah = before }, new { periode = period.Value.ToString(), upah = upah.Value });
        var charges = await lateCharges.SaveWithChargesAsync(worker.DivisionId, worker.Id, audit, cancellationToken);
        return new WorkerSaved(worker.Id, Wording.Of($"Upah {new Domain.Money.Rupiah(upah.Value)} berlaku mulai periode {period.Value}.") + LateChargeTexts.Summary(charges));
    }
}
