using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;
using Sipp.Domain;

namespace Sipp.Web.Features.Contributions;

/// <summary>A computed period's totals per program and share, and the warnings a user should read before finalising.</summary>
public sealed record PeriodSummary(
    ContributionPeriod Period, ProgramTotals Totals, IReadOnlyList<PeriodWarning> Warnings, Bill? LiveBill, long? MinimumWage)
{
    public static async Task<PeriodSummary?> LoadAsync(SippDbContext db, RuleTable rules, Guid divisionId, Period period, CancellationToken cancellationToken)
    {
        var stored = await db.ContributionPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Period == period, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var totals = ProgramTotals.Of(stored);
        var jpNotDue = stored is { WithoutJpCount: { } without, JpForeignCount: { } foreign, JpRetiredCount: { } retired }
            ? [new(JpStatus.CompanyNotParticipating, without - foreign - retired), new(JpStatus.ForeignWorker, foreign), new(JpStatus.RetirementAgeReached, retired)]
            : await db.ContributionLines.AsNoTracking().Where(l => l.PeriodId == stored.Id && l.JpStatus != JpStatus.Due)
                .GroupBy(l => l.JpStatus).Select(g => new JpNotDue(g.Key, g.Count())).ToListAsync(cancellationToken);
        var corrected = stored.CorrectedCount ?? await db.ContributionLines.CountAsync(l => l.PeriodId == stored.Id && l.WageCorrected, cancellationToken);
        var warnings = jpNotDue.Where(j => j.Count > 0).OrderBy(j => j.Status)
            .Select(j => new PeriodWarning($"JP tidak dihitung untuk {PeriodTexts.Workers(j.Count)} tenaga kerja: {PeriodTexts.JpNotDue(j.Status)}.", ViewPeriod.PeriodLineFilters.WithoutJp))
            .ToList();
        if (corrected > 0)
        {
            warnings.Add(new($"Upah {PeriodTexts.Workers(corrected)} tenaga kerja dikoreksi khusus untuk periode ini.", ViewPeriod.PeriodLineFilters.Corrected));
        }

        if (PeriodRules.UnannouncedJpCap(rules, period) is { } capCaveat)
        {
            warnings.Add(new(capCaveat, null));
        }

        var region = await db.Divisions.Where(d => d.Id == divisionId).Select(d => d.RegionCode).SingleAsync(cancellationToken);
        var minimumWage = rules.MinimumWageOn(region, period.FirstDay);
        if (minimumWage is { } minimum)
        {
            var below = ViewPeriod.PeriodLineFilters.StoredCount(stored, ViewPeriod.PeriodLineFilters.BelowMinimumWage, minimum)
                ?? await db.ContributionLines.CountAsync(l => l.PeriodId == stored.Id && l.Upah < minimum, cancellationToken);
            if (below > 0)
            {
                warnings.Add(new(Wording.Of($"Upah {PeriodTexts.Workers(below)} tenaga kerja di bawah upah minimum wilayah {region} ({new Rupiah(minimum)}). Periksa upahnya; iuran tetap dihitung dari upah yang dilaporkan."), ViewPeriod.PeriodLineFilters.BelowMinimumWage));
            }
        }

        if (stored.Status != PeriodStatus.BelumDihitung && stored.WorkerCount == 0)
        {
            warnings.Add(new(Wording.Of("Tidak ada tenaga kerja aktif pada periode ini."), null));
        }

        var bill = await db.Bills.AsNoTracking().Where(b => b.PeriodId == stored.Id && b.Status != BillStatus.Dibatalkan).SingleOrDefaultAsync(cancellationToken);
        return new PeriodSummary(stored, totals, warnings, bill, minimumWage);
    }
}

/// <summary>Sums of the rounded shares per program; JKP is shown, never billed.</summary>
public sealed record ProgramTotals(long JhtEmployer, long JhtWorker, long JkkEmployer, long JkmEmployer, long JpEmployer, long JpWorker, long Jkp)
{
    public long Employer => JhtEmployer + JkkEmployer + JkmEmployer + JpEmployer;

    public long Worker => JhtWorker + JpWorker;

    public long Total => Employer + Worker;

    /// <summary>Kept on the period by its computation and "Koreksi" (PeriodTally.Count): never summed again from the lines.</summary>
    public static ProgramTotals Of(ContributionPeriod p) =>
        new(p.JhtTotal - p.JhtWorkerTotal, p.JhtWorkerTotal, p.JkkTotal, p.JkmTotal, p.JpTotal - p.JpWorkerTotal, p.JpWorkerTotal, p.JkpTotal);
}

internal sealed record JpNotDue(JpStatus Status, int Count);

/// <summary>A warning of the period page; <paramref name="Filter"/> names the review filter that shows its lines.</summary>
public sealed record PeriodWarning(string Text, string? Filter);
