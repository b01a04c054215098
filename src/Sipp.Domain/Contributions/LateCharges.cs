namespace Sipp.Domain.Contributions;

/// <summary>The kinds of a change that reaches into a final or paid month (iuran.md §7).</summary>
public enum LateChargeKind
{
    /// <summary>Iuran Susulan: a month the worker should have been billed for and was not; fined from that month's due date.</summary>
    Susulan = 1,

    /// <summary>Iuran Rapel: a backdated raise; the month's contribution on the new wage less what was billed. No fine.</summary>
    Rapel = 2,

    /// <summary>Kelebihan Iuran: a month billed after the worker's end date; a credit against the next bills.</summary>
    Kelebihan = 3,
}

/// <summary>What one worker owes, or is owed, for one final or paid month compared with what was billed for it.</summary>
public abstract record LateChargeOutcome
{
    public sealed record None : LateChargeOutcome;

    public sealed record Charge(LateChargeKind Kind, long Upah, ProgramAmounts Amounts) : LateChargeOutcome;

    /// <summary>The new wage is below the one billed: refused (it would lower the worker's savings).</summary>
    public sealed record Decrease(long BilledUpah, long NewUpah) : LateChargeOutcome;
}

/// <summary>
/// Compares what a final or paid month should bill for a worker (from today's data, with that month's rules) with what
/// its bill and the late charges since have billed, and names the difference (iuran.md §7).
/// </summary>
public static class LateCharges
{
    public static string WageDecreaseRefused => Wording.Of("Penurunan upah untuk periode yang sudah final tidak dapat dilakukan di sini; hubungi Kantor Cabang.");

    /// <param name="rules">The month's own rules.</param>
    /// <param name="due">The worker's facts for the month when they are to be billed for it (active, verified, with a wage); else null.</param>
    /// <param name="billed">What was billed so far for the worker and month: the line plus the late charges, less credits.</param>
    /// <param name="billedUpah">The wage the month was last billed on (0 when nothing is billed).</param>
    public static LateChargeOutcome Compare(PeriodRules rules, WorkerFacts? due, ProgramAmounts billed, long billedUpah)
    {
        if (due is not { } facts)
        {
            return billed.Total > 0 ? new LateChargeOutcome.Charge(LateChargeKind.Kelebihan, billedUpah, billed) : new LateChargeOutcome.None();
        }

        if (billed.Total <= 0)
        {
            return new LateChargeOutcome.Charge(LateChargeKind.Susulan, facts.Upah, ProgramAmounts.Of(ContributionEngine.Compute(rules, facts)));
        }

        if (facts.Upah < billedUpah)
        {
            return new LateChargeOutcome.Decrease(billedUpah, facts.Upah);
        }

        if (facts.Upah == billedUpah)
        {
            // Only the wage is reconsidered: a rule or company fact changed since is not billed back.
            return new LateChargeOutcome.None();
        }

        var difference = ProgramAmounts.Of(ContributionEngine.Compute(rules, facts)) - billed;
        return difference.Total > 0 ? new LateChargeOutcome.Charge(LateChargeKind.Rapel, facts.Upah, difference) : new LateChargeOutcome.None();
    }

    public static string Label(LateChargeKind kind) => kind switch
    {
        LateChargeKind.Susulan => "Iuran Susulan",
        LateChargeKind.Rapel => "Iuran Rapel",
        _ => "Kelebihan Iuran",
    };

    /// <summary>How much of a division's unused credit a bill sets off: never more than the bill, never below zero.</summary>
    public static long SetOff(long credit, long billBeforeCredit) => Math.Clamp(credit, 0, Math.Max(0, billBeforeCredit));
}
