using Sipp.Domain.People;
using Sipp.Domain.Rules;

namespace Sipp.Domain.Contributions;

/// <summary>
/// When a worker reaches retirement age for JP: on the first birthday on which their age is at least the
/// retirement age in force in that birthday's calendar year. From then on JP is never due again.
/// </summary>
public static class Retirement
{
    private const int OldestAgeConsidered = 120;

    /// <summary>The day the worker reaches retirement age, or null if not within a human lifespan of the table.</summary>
    public static DateOnly? ReachedOn(DateOnly birthDate, RuleTable rules)
    {
        for (var age = rules.LowestRetirementAge; age <= OldestAgeConsidered; age++)
        {
            var birthday = Birthdays.Turns(birthDate, age);
            if (age >= rules.RetirementAgeInYear(birthday.Year))
            {
                return birthday;
            }
        }

        return null;
    }

    /// <summary>True when the worker has reached retirement age on or before <paramref name="date"/>.</summary>
    public static bool HasReachedBy(DateOnly birthDate, DateOnly date, RuleTable rules) =>
        ReachedOn(birthDate, rules) is { } reached && reached <= date;

    /// <summary>
    /// The latest birth date of someone who has reached retirement age by <paramref name="date"/>. Whoever is born
    /// earlier reached it earlier (birthdays come earlier and retirement ages never fall), so the retired form a prefix
    /// of birth dates and one comparison per worker decides.
    /// </summary>
    public static DateOnly LatestRetiredBirthDate(DateOnly date, RuleTable rules)
    {
        var low = date.AddYears(-OldestAgeConsidered).DayNumber; // surely retired
        var high = date.AddYears(-rules.LowestRetirementAge).DayNumber + 1; // surely not retired
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (HasReachedBy(DateOnly.FromDayNumber(middle), date, rules))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return DateOnly.FromDayNumber(low);
    }
}
