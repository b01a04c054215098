using Sipp.Domain.Calendar;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;

namespace Sipp.Domain.Contributions;

/// <summary>Due date (jatuh tempo) and late fine (denda) of a period, iuran.md §4.</summary>
public static class LateFine
{
    /// <summary>The configured day of the following month, moved to the next working day.</summary>
    public static DateOnly DueDate(Period period, RuleTable rules)
    {
        var next = period.AddMonths(1);
        var day = rules.WholeNumberOn(RuleKeys.DueDay, period.FirstDay);
        return new WorkingDayCalendar(rules.Holidays).OnOrAfter(new DateOnly(next.Year, next.Month, day));
    }

    /// <summary>
    /// Why a due date may still move, or null: in a year whose national holidays are not yet all listed, only the
    /// fixed-date ones are known (iuran.md Appendix A).
    /// </summary>
    public static string? DueDateCaveat(DateOnly dueDate, RuleTable rules) => rules.HolidayListYears.Contains(dueDate.Year)
        ? null
        : Wording.Of($"Daftar libur nasional tahun {dueDate.Year} belum ditetapkan: jatuh tempo baru memperhitungkan hari libur bertanggal tetap dan dapat bergeser.");

    /// <summary>
    /// Months late: the smallest k ≥ 1 with paidOn ≤ dueDate + k months, or 0 when paid on or before the due date.
    /// </summary>
    public static int MonthsLate(DateOnly dueDate, DateOnly paidOn)
    {
        if (paidOn <= dueDate)
        {
            return 0;
        }

        var months = ((paidOn.Year - dueDate.Year) * 12) + paidOn.Month - dueDate.Month;
        months = Math.Max(months, 1);
        while (paidOn > dueDate.AddMonths(months))
        {
            months++;
        }

        while (months > 1 && paidOn <= dueDate.AddMonths(months - 1))
        {
            months--;
        }

        return months;
    }

    public static FineResult Compute(Period period, long contributionTotal, DateOnly paidOn, RuleTable rules)
    {
        var dueDate = DueDate(period, rules);
        var monthsLate = MonthsLate(dueDate, paidOn);
        var perMonth = rules.RateOn(RuleKeys.FinePerMonth, period.FirstDay);
        return new FineResult(dueDate, monthsLate, perMonth.Of(checked(contributionTotal * monthsLate)), DueDateCaveat(dueDate, rules));
    }
}

/// <param name="DueDate">Jatuh tempo.</param>
/// <param name="MonthsLate">Bulan terlambat.</param>
/// <param name="Fine">Denda, whole rupiah.</param>
/// <param name="DueDateCaveat">Why the due date may still move (its year's holidays are not all listed), or null.</param>
public readonly record struct FineResult(DateOnly DueDate, int MonthsLate, long Fine, string? DueDateCaveat = null);
