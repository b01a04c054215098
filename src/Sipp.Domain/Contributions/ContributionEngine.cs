using Sipp.Domain.People;

namespace Sipp.Domain.Contributions;

/// <summary>
/// The contribution engine of iuran.md: worker facts + period rules → each share of each program, rounded separately.
/// Pure integer arithmetic; the per-worker path allocates nothing.
/// </summary>
public static class ContributionEngine
{
    public static ContributionResult Compute(PeriodRules rules, in WorkerFacts worker)
    {
        var upah = worker.Upah;
        var jpStatus = JpStatusOf(rules, worker);
        var jpBase = jpStatus == JpStatus.Due ? Math.Min(upah, rules.JpWageCap) : 0;
        var jkpStatus = JkpStatusOf(rules, worker);
        var jkpBase = jkpStatus == JkpStatus.Eligible ? Math.Min(upah, rules.JkpWageCap) : 0;

        return new ContributionResult
        {
            Upah = upah,
            JhtEmployer = rules.JhtEmployer.Of(upah),
            JhtWorker = rules.JhtWorker.Of(upah),
            JkkEmployer = rules.JkkEmployer.Of(upah),
            JkmEmployer = rules.JkmEmployer.Of(upah),
            JpStatus = jpStatus,
            JpBase = jpBase,
            JpEmployer = rules.JpEmployer.Of(jpBase),
            JpWorker = rules.JpWorker.Of(jpBase),
            JkpStatus = jkpStatus,
            JkpBase = jkpBase,
            JkpGovernment = rules.JkpGovernment.Of(jkpBase),
            JkpFromJkk = rules.JkpFromJkk.Of(jkpBase),
            JkpFromJkm = rules.JkpFromJkm.Of(jkpBase),
        };
    }

    /// <summary>Computes a whole period: one result per worker, in the same order.</summary>
    public static void Compute(PeriodRules rules, ReadOnlySpan<WorkerFacts> workers, Span<ContributionResult> results)
    {
        if (results.Length < workers.Length)
        {
            throw new ArgumentException("Tempat hasil lebih sedikit dari jumlah tenaga kerja.", nameof(results));
        }

        for (var i = 0; i < workers.Length; i++)
        {
            results[i] = Compute(rules, workers[i]);
        }
    }

    private static JpStatus JpStatusOf(PeriodRules rules, in WorkerFacts worker)
    {
        if (!rules.Company.TakesPartInJp)
        {
            return JpStatus.CompanyNotParticipating;
        }

        if (worker.Citizenship != Citizenship.Wni)
        {
            return JpStatus.ForeignWorker;
        }

        return worker.BirthDate <= rules.LatestRetiredBirthDate ? JpStatus.RetirementAgeReached : JpStatus.Due;
    }

    private static JkpStatus JkpStatusOf(PeriodRules rules, in WorkerFacts worker)
    {
        if (worker.Citizenship != Citizenship.Wni)
        {
            return JkpStatus.ForeignWorker;
        }

        var reference = worker.RegisteredOn ?? rules.Period.FirstDay;
        return Birthdays.HasTurned(worker.BirthDate, rules.JkpMaximumAge, reference)
            ? JkpStatus.TooOldAtRegistration
            : JkpStatus.Eligible;
    }
}
