using System.Globalization;
using System.Text.RegularExpressions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using static Sipp.Domain.Tests.TestRules;

namespace Sipp.Domain.Tests.Contributions;

/// <summary>
/// Every due date from 2022-01 to 2026-11 against the national holidays of iuran.md Appendix A, read from the spec
/// itself: the 15th of the next month, moved over Saturdays, Sundays and those holidays. A due date that is not moved
/// shows a payment on the real due date as one month late, with a 2 % fine.
/// </summary>
public partial class DueDateCalendarTests
{
    public static TheoryData<string> Periods()
    {
        var periods = new TheoryData<string>();
        for (var period = Period.Of(2022, 1); period <= Period.Of(2026, 11); period = period.AddMonths(1))
        {
            periods.Add(period.ToString());
        }

        return periods;
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void TheDueDate_SkipsWeekendsAndEveryNationalHolidayOfAppendixA(string text)
    {
        var period = Period.Parse(text);
        var holidays = AppendixA.Value;
        var expected = new DateOnly(period.AddMonths(1).Year, period.AddMonths(1).Month, 15);
        while (expected.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(expected))
        {
            expected = expected.AddDays(1);
        }

        var dueDate = LateFine.DueDate(period, Shipped);

        Assert.Equal(expected, dueDate);
        Assert.Null(LateFine.DueDateCaveat(dueDate, Shipped)); // these years' lists are complete
    }

    [Theory]
    [InlineData("2022-03", "2022-04-18")] // Friday 15 April 2022 is Good Friday (Wafat Isa Almasih)
    [InlineData("2022-04", "2022-05-17")] // Sunday 15 May, then Monday 16 May is Waisak
    [InlineData("2024-05", "2024-06-18")] // Saturday 15 June, then Monday 17 June is Idul Adha
    [InlineData("2024-08", "2024-09-17")] // Sunday 15 September, then Monday 16 September is Maulid Nabi
    public void TheMonthsOfTheReport_AreMovedOverTheirHolidays(string period, string expected)
    {
        var dueDate = LateFine.DueDate(Period.Parse(period), Shipped);

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), dueDate);
        Assert.Equal(0, LateFine.MonthsLate(dueDate, dueDate)); // paying on the real due date is in time
    }

    [Fact]
    public void AYearWithoutItsHolidayList_SaysItsDueDateMayStillMove()
    {
        var dueDate = LateFine.DueDate(Period.Of(2026, 12), Shipped); // January 2027

        Assert.Equal(2027, dueDate.Year);
        Assert.Equal("Daftar libur nasional tahun 2027 belum ditetapkan: jatuh tempo baru memperhitungkan hari libur bertanggal tetap dan dapat bergeser.",
            LateFine.DueDateCaveat(dueDate, Shipped));
    }

    /// <summary>The holidays of Appendix A ("| 2024 | 01-01, 02-08, … |"), from ../shared/spec/iuran.md beside the repository.</summary>
    private static readonly Lazy<HashSet<DateOnly>> AppendixA = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sipp.slnx")))
        {
            directory = directory.Parent;
        }

        var spec = Path.Combine(directory?.Parent?.FullName ?? ".", "shared", "spec", "iuran.md");
        var text = File.ReadAllText(spec);
        var appendix = text[text.IndexOf("## Appendix A", StringComparison.Ordinal)..];
        var holidays = new HashSet<DateOnly>();
        foreach (Match row in YearRow().Matches(appendix))
        {
            foreach (var day in row.Groups["days"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                holidays.Add(DateOnly.ParseExact($"{row.Groups["year"].Value}-{day}", "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(5, holidays.Select(d => d.Year).Distinct().Count()); // 2022 to 2026
        return holidays;
    });

    [GeneratedRegex(@"^\| (?<year>20\d\d) \| (?<days>[0-9, -]+) \|$", RegexOptions.Multiline)]
    private static partial Regex YearRow();
}
