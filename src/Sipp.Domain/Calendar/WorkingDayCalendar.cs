namespace Sipp.Domain.Calendar;

/// <summary>Working days: Monday to Friday, except listed national holidays (collective leave is not a holiday).</summary>
public sealed class WorkingDayCalendar(IReadOnlySet<DateOnly> holidays)
{
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

    /// <summary>The date itself when it is a working day, otherwise the next working day.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
