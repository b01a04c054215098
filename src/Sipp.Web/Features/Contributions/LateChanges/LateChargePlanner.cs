using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Data.Workers;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Domain.People;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;

namespace Sipp.Web.Features.Contributions.LateChanges;

/// <summary>A wage change not yet saved, to see what it would bill before accepting it.</summary>
public sealed record ProposedWage(Period From, long Upah);

/// <summary>One worker's outcome for one final or paid month.</summary>
public sealed record PlannedMonth(Guid EmploymentId, Guid MonthPeriodId, Period Month, LateChargeOutcome Outcome);

/// <summary>
/// Compares, for some workers of a division, every final or paid month with what it billed them (iuran.md §7): a
/// worker added or verified late gets Iuran Susulan, a backdated raise Iuran Rapel, a late leaver Kelebihan Iuran.
/// Idempotent: what was charged before counts as billed, so planning again after saving finds nothing new. Used by
/// every path that changes a worker (forms, uploads, verification), before saving to refuse a decrease and after to
/// record the charges.
/// </summary>
public sealed class LateChargePlanner(SippDbContext db, RuleTableProvider ruleTables, TimeProvider clock)
{
    public async Task<List<PlannedMonth>> PlanAsync(
        Guid divisionId, IReadOnlyCollection<Guid> employmentIds, IReadOnlyDictionary<Guid, ProposedWage>? proposed, CancellationToken cancellationToken)
    {
        var months = await db.ContributionPeriods.AsNoTracking()
            .Where(p => (p.Status == PeriodStatus.Final || p.Status == PeriodStatus.Lunas))
            .OrderBy(p => p.Period).Select(p => new { p.Id, p.Period }).ToListAsync(cancellationToken);
        if (months.Count == 0 || employmentIds.Count == 0)
        {
            return [];
        }

        var table = await ruleTables.GetAsync(cancellationToken);
        var company = await PeriodComputation.CompanyFactsAsync(db, divisionId, cancellationToken);
        var rules = months.ToDictionary(m => m.Id, m => PeriodRules.For(table, m.Period, company));
        var ids = employmentIds.Distinct().ToList();
        var monthIds = months.Select(m => m.Id).ToList();
        // Two flat queries: the employments with their wage histories as one collection query took twice as long on PostgreSQL.
        var histories = (await db.WageChanges.AsNoTracking().Where(w => EF.Parameter(ids).Contains(w.EmploymentId))
                .Select(w => new { w.EmploymentId, w.EffectiveFrom, w.Upah }).ToListAsync(cancellationToken))
            .ToLookup(w => w.EmploymentId, w => new WageStep(w.EffectiveFrom, w.Upah));
        var workers = (await db.Employments.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.Id))
                .Select(e => new { e.Id, e.Status, e.MembershipStartDate, e.EndDate, e.Participant.BirthDate, e.Participant.Citizenship, e.RegisteredOn })
                .ToListAsync(cancellationToken))
            .Select(e => new Worker(e.Id, e.Status, e.MembershipStartDate, e.EndDate, e.BirthDate, e.Citizenship, e.RegisteredOn, histories[e.Id].ToList()))
            .ToList();
        var lines = (await db.ContributionLines.AsNoTracking()
                .Where(l => EF.Parameter(monthIds).Contains(l.PeriodId) && EF.Parameter(ids).Contains(l.EmploymentId))
                .Select(l => new { l.PeriodId, l.EmploymentId, l.Upah, l.WageCorrected, l.JhtEmployer, l.JhtWorker, l.JkkEmployer, l.JkmEmployer, l.JpEmployer, l.JpWorker, l.TotalEmployer, l.TotalWorker })
                .ToListAsync(cancellationToken))
            .ToDictionary(l => (l.PeriodId, l.EmploymentId));
        var charges = (await db.LateCharges.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.EmploymentId) && EF.Parameter(monthIds).Contains(c.MonthPeriodId))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken))
            .ToLookup(c => (c.MonthPeriodId, c.EmploymentId));

        var plan = new List<PlannedMonth>();
        foreach (var worker in workers)
        {
            var change = proposed?.GetValueOrDefault(worker.Id);
            foreach (var month in months)
            {
                var line = lines.GetValueOrDefault((month.Id, worker.Id));
                var billed = line is null ? default : new ProgramAmounts(line.JhtEmployer + line.JhtWorker, line.JkkEmployer, line.JkmEmployer, line.JpEmployer + line.JpWorker, line.TotalEmployer, line.TotalWorker);
                var billedUpah = line?.Upah ?? 0;
                foreach (var charge in charges[(month.Id, worker.Id)])
                {
                    billed = charge.Kind == LateChargeKind.Kelebihan ? billed - charge.Amounts : billed + charge.Amounts;
                    billedUpah = charge.Kind == LateChargeKind.Kelebihan ? 0 : charge.Upah;
                }

                // A wage corrected for that month only ("Koreksi") stands: a later wage change does not reach it.
                var upah = line is { WageCorrected: true } ? line.Upah : worker.WageIn(month.Period, change);
                WorkerFacts? due = worker.IsBilledIn(month.Period) && upah > 0 ? new WorkerFacts(upah, worker.BirthDate, worker.Citizenship, worker.RegisteredOn) : null;
                var outcome = LateCharges.Compare(rules[month.Id], due, billed, billed.Total > 0 ? billedUpah : 0);
                if (outcome is not LateChargeOutcome.None)
                {
                    plan.Add(new PlannedMonth(worker.Id, month.Id, month.Period, outcome));
                }
            }
        }

        return plan;
    }

    /// <summary>The charges the workers' saved changes cause in final months, not yet stored (an upload writes them in bulk).</summary>
    public async Task<List<LateCharge>> NewChargesAsync(Guid divisionId, IReadOnlyCollection<Guid> employmentIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await PlanAsync(divisionId, employmentIds, null, cancellationToken))
            .Where(p => p.Outcome is LateChargeOutcome.Charge)
            .Select(p => (Planned: p, Charge: (LateChargeOutcome.Charge)p.Outcome))
            .Select(p => new LateCharge
            {
                Id = Guid.CreateVersion7(), DivisionId = divisionId, EmploymentId = p.Planned.EmploymentId, Kind = p.Charge.Kind, MonthPeriodId = p.Planned.MonthPeriodId,
                Month = p.Planned.Month, Upah = p.Charge.Upah, Amounts = p.Charge.Amounts, CreatedAt = now,
            })
            .ToList();
    }

    /// <summary>A form's change of one worker saved together with the late charges it causes, each in the worker's trail.</summary>
    public async Task<List<LateCharge>> SaveWithChargesAsync(Guid divisionId, Guid employmentId, AuditLog audit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var charges = await NewChargesAsync(divisionId, [employmentId], cancellationToken);
        db.LateCharges.AddRange(charges);
        audit.Record(charges);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return charges;
    }

    /// <summary>The refusal of a wage change that would lower a final or paid month's wage, or null.</summary>
    public static string? DecreaseRefusal(IEnumerable<PlannedMonth> plan) =>
        plan.Select(p => p.Outcome).OfType<LateChargeOutcome.Decrease>().Any() ? LateCharges.WageDecreaseRefused : null;

    private sealed record WageStep(Period From, long Upah);

    private sealed record Worker(
        Guid Id, EmploymentStatus Status, DateOnly Start, DateOnly? End, DateOnly BirthDate, Citizenship Citizenship, DateOnly RegisteredOn, List<WageStep> History)
    {
        /// <summary>As "Hitung Iuran" counts: verified, membership begun by the month's end, not ended before its start.</summary>
        public bool IsBilledIn(Period month) =>
            Status is EmploymentStatus.Aktif or EmploymentStatus.NonAktif && Start <= month.LastDay && (End is null || End >= month.FirstDay);

        public long WageIn(Period month, ProposedWage? change)
        {
            var steps = change is null ? History : History.Where(h => h.From != change.From).Append(new WageStep(change.From, change.Upah));
            return steps.Where(h => h.From <= month).OrderByDescending(h => h.From).Select(h => h.Upah).FirstOrDefault();
        }
    }
}
