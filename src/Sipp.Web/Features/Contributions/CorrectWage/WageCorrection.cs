using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;

using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Contributions.CorrectWage;

/// <summary>
/// "Koreksi": one worker's wage for one computed period only; the line, the period's totals and its review counts are
/// recomputed with it, and a later "Hitung Iuran" keeps it.
/// </summary>
public sealed class WageCorrection(SippDbContext db, RuleTableProvider ruleTables, AuditLog audit)
{
    /// <summary>"Koreksi": one worker's wage for this period only; the line and the period's totals are recomputed.</summary>
    public async Task<Refusal?> CorrectAsync(Guid divisionId, Period period, Guid employmentId, long upah, CancellationToken cancellationToken)
    {
        var table = await ruleTables.GetAsync(cancellationToken);
        var stored = await db.ContributionPeriods.SingleOrDefaultAsync(p => p.Period == period, cancellationToken);
        var refusal = PeriodLifecycle.CanCorrect(stored?.Status ?? PeriodStatus.BelumDihitung); // never null without a period
        if (refusal is not null || stored is null)
        {
            return Refusal.Of(refusal!, RefusalKind.Conflict);
        }

        var line = await db.ContributionLines.Include(l => l.Employment).ThenInclude(e => e.Participant)
            .SingleOrDefaultAsync(l => l.PeriodId == stored.Id && l.EmploymentId == employmentId, cancellationToken);
        if (line is null)
        {
            return Refusal.Of(Wording.Of("Tenaga kerja ini tidak ada dalam perhitungan periode ini."), RefusalKind.NotFound);
        }

        var participant = line.Employment.Participant;
        var result = ContributionEngine.Compute(
            PeriodRules.For(table, period, await PeriodComputation.CompanyFactsAsync(db, divisionId, cancellationToken)), new WorkerFacts(upah, participant.BirthDate, participant.Citizenship, line.Employment.RegisteredOn));
        var before = new { periode = period.ToString(), upah = line.Upah, total = line.Total };
        var corrected = ContributionLines.From(stored, employmentId, result, wageCorrected: true);
        PeriodTally.Count(stored, line, -1);
        PeriodTally.Count(stored, corrected, +1);
        stored.Version = Guid.NewGuid();
        db.Entry(line).CurrentValues.SetValues(corrected);
        audit.Record("iuran.koreksi", Workers.WorkerAudit.Entity, employmentId.ToString(), divisionId, before,
            new { periode = period.ToString(), upah, total = corrected.Total });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Of(FinalizePeriod.BillIssuing.ConcurrentChange, RefusalKind.Conflict);
        }

        return null;
    }
}
