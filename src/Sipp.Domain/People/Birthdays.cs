namespace Sipp.Domain.People;

/// <summary>Birthday arithmetic. A birthday on 29 February counts as 1 March in common years.</summary>
public static class Birthdays
{
    /// <summary>The day on which a person born on <paramref name="birthDate"/> turns <paramref name="age"/>.</summary>
    public static DateOnly Turns(DateOnly birthDate, int age)
    {
        var year = birthDate.Year + age;
        return birthDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, birthDate.Month, birthDate.Day);
    }

    /// <summary>True when the person is at least <paramref name="age"/> years old on <paramref name="date"/>.</summary>
    /// <remarks>
    /// Compares (month, day) directly: 29 February sorts after 28 February and before 1 March, which is exactly
    /// the "1 March in common years" rule, without building a date.
    /// </remarks>
    public static bool HasTurned(DateOnly birthDate, int age, DateOnly date)
    {
        var yearOfBirthday = birthDate.Year + age;
        if (yearOfBirthday != date.Year)
        {
            return yearOfBirthday < date.Year;
        }

        return birthDate.Month < date.Month || (birthDate.Month == date.Month && birthDate.Day <= date.Day);
    }
}
