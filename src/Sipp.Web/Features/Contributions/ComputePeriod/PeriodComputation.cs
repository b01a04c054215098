using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Data.Workers;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Observability;
using Sipp.Web.Infrastructure;

using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Contributions.ComputePeriod;

/// <summary>
/// "Hitung Iuran": every worker active in the period (membership started on or before its last day, not ended before
/// its first day) gets one stored line with every share of every program; the period's totals follow. Runs again
/// until the period is final, keeping the wages corrected for this period ("Koreksi", <see cref="CorrectWage.WageCorrection"/>).
/// </summary>
public sealed class PeriodComputation(SippDbContext db, RuleTableProvider ruleTables, AuditLog audit, TimeProvider clock)
{
    public static string Busy => Wording.Of("Iuran divisi ini sedang dihitung atau difinalisasi oleh permintaan lain. Tunggu sebentar, lalu muat ulang halaman.");

    /// <summary>Computes and stores the period; returns the refusal when it may not be computed.</summary>
    public async Task<Refusal?> ComputeAsync(Guid divisionId, Period period, CancellationToken cancellationToken)
    {
        var table = await ruleTables.GetAsync(cancellationToken);
        var today = clock.JakartaToday();
        if (PeriodRules.CheckPeriod(table, period) is { } tooEarly)
        {
            return Refusal.Of(tooEarly);
        }

        if (period > Period.Containing(today))
        {
            return Refusal.Of(Wording.Of($"Periode {period} belum berjalan. Iuran dapat dihitung mulai bulan periode itu sendiri."));
        }

        var rules = PeriodRules.For(table, period, await CompanyFactsAsync(divisionId, cancellationToken));
        var region = await db.Divisions.Where(d => d.Id == divisionId).Select(d => d.RegionCode).SingleAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TryLockDivisionAsync(divisionId, cancellationToken))
        {
            return Refusal.Of(Busy, RefusalKind.Conflict);
        }

        var stored = await db.ContributionPeriods.SingleOrDefaultAsync(p => p.Period == period, cancellationToken);
        if (stored is not null && PeriodLifecycle.CanCompute(stored.Status) is { } refusal)
        {
            return Refusal.Of(refusal, RefusalKind.Conflict);
        }

        if (stored is null)
        {
            stored = new ContributionPeriod { Id = Guid.CreateVersion7(), DivisionId = divisionId, Period = period, Status = PeriodStatus.BelumDihitung };
            db.ContributionPeriods.Add(stored);
        }

        var corrected = await db.ContributionLines.AsNoTracking().Where(l => l.PeriodId == stored.Id && l.WageCorrected)
            .ToDictionaryAsync(l => l.EmploymentId, l => l.Upah, cancellationToken);
        var workers = await ActiveWorkersAsync(period, cancellationToken);
        var facts = new WorkerFacts[workers.Count];
        for (var i = 0; i < workers.Count; i++)
        {
            var worker = workers[i];
            facts[i] = new WorkerFacts(corrected.GetValueOrDefault(worker.EmploymentId, worker.Upah), worker.BirthDate, worker.Citizenship, worker.RegisteredOn);
        }

        var results = new ContributionResult[facts.Length];
        ContributionEngine.Compute(rules, facts, results);
        stored.Computation++;
        var lines = new ContributionLine[results.Length];
        for (var i = 0; i < results.Length; i++)
        {
            lines[i] = ContributionLines.From(stored, workers[i].EmploymentId, results[i], corrected.ContainsKey(workers[i].EmploymentId));
        }

        var before = stored.Status == PeriodStatus.BelumDihitung ? null : new { jumlahTk = stored.WorkerCount, total = stored.Total };
        stored.Status = PeriodStatus.Dihitung;
        stored.WorkerCount = lines.Length;
        PeriodTally.Clear(stored, table.MinimumWageOn(region, period.FirstDay));
        foreach (var line in lines)
        {
            PeriodTally.Count(stored, line, +1);
        }

        // The review filters of the period page that depend on the worker rather than the line (PeriodLineFilters).
        stored.JoinerCount = workers.Count(w => w.Start >= period.FirstDay);
        stored.LeaverCount = workers.Count(w => w.End <= period.LastDay);
        stored.ComputedAt = clock.GetUtcNow().UtcDateTime;
        stored.Version = Guid.NewGuid();
        audit.Record("iuran.hitung", "Periode", stored.Id.ToString(), divisionId, before,
            new { periode = period.ToString(), perhitunganKe = stored.Computation, jumlahTk = stored.WorkerCount, total = stored.Total, koreksiDipertahankan = corrected.Count });
        await db.SaveChangesAsync(cancellationToken);

        await db.ContributionLines.Where(l => l.PeriodId == stored.Id && l.Computation < stored.Computation).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, lines, cancellationToken);
        // Counted on the stored lines: asking each worker's wage history in the workers query cost 10 % of the computation.
        stored.WageChangedCount = await ViewPeriod.PeriodLineFilters.Apply(
            db, db.ContributionLines.Where(l => l.PeriodId == stored.Id), period, ViewPeriod.PeriodLineFilters.WageChanged, null)!.CountAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        SippMetrics.PeriodsComputed.Add(1);
        SippMetrics.LinesWritten.Add(lines.Length);
        return null;
    }

    /// <summary>
    /// One computation or finalisation of a division at a time on PostgreSQL, without waiting: a second one answers
    /// <see cref="Busy"/> at once instead of queueing behind a 100,000-line computation (20 at once gave 18 × HTTP 500 on
    /// a duplicate period). SQLite's write transactions already take turns.
    /// </summary>
    private async Task<bool> TryLockDivisionAsync(Guid divisionId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return true;
        }

        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Divisions\" WHERE \"Id\" = {divisionId} FOR UPDATE NOWAIT", cancellationToken);
            return true;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }

    private Task<CompanyFacts> CompanyFactsAsync(Guid divisionId, CancellationToken cancellationToken) => CompanyFactsAsync(db, divisionId, cancellationToken);

    /// <summary>What the rules need of the division's company: JKK risk class, JP participation, labour-intensive.</summary>
    public static Task<CompanyFacts> CompanyFactsAsync(SippDbContext db, Guid divisionId, CancellationToken cancellationToken) =>
        db.Divisions.AsNoTracking().Where(d => d.Id == divisionId)
            .Select(d => new CompanyFacts(d.Company.JkkRiskClass, d.Company.TakesPartInJp, d.Company.LabourIntensive)).SingleAsync(cancellationToken);

    private async Task<List<ActiveWorker>> ActiveWorkersAsync(Period period, CancellationToken cancellationToken)
    {
        var first = period.FirstDay;
        var last = period.LastDay;
        var workers = await db.Employments.AsNoTracking()
            .Where(e => (e.Status == EmploymentStatus.Aktif || e.Status == EmploymentStatus.NonAktif)
                && e.MembershipStartDate <= last && (e.EndDate == null || e.EndDate >= first))
            .Select(e => new ActiveWorker(
                e.Id, e.Participant.BirthDate, e.Participant.Citizenship, e.RegisteredOn, e.MembershipStartDate, e.EndDate,
                e.WageHistory.Where(w => w.EffectiveFrom <= period).OrderByDescending(w => w.EffectiveFrom).Select(w => w.Upah).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        // In the lines' key order (Guid order is PostgreSQL's uuid order), so each line's key is appended to the index.
        // Sorted here: ORDER BY made SQLite read the employments in key order instead of by division (0.5 s → 1.2 s).
        return workers.Where(w => w.Upah > 0).OrderBy(w => w.EmploymentId).ToList();
    }

    private sealed record ActiveWorker(
        Guid EmploymentId, DateOnly BirthDate, Domain.People.Citizenship Citizenship, DateOnly RegisteredOn, DateOnly Start, DateOnly? End, long Upah);
}
