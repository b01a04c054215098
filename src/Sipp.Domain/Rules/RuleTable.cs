using System.Collections.Frozen;
using System.Globalization;
using Sipp.Domain.Periods;

namespace Sipp.Domain.Rules;

/// <summary>
/// The effective-dated rule table: for each key, the value in force on a date is the row with the latest
/// <see cref="RuleRow.EffectiveFrom"/> on or before it. Built once from rows (data file or database) and validated.
/// </summary>
public sealed class RuleTable
{
    private readonly FrozenDictionary<string, (DateOnly From, decimal Value)[]> _byKey;

    public RuleTable(IEnumerable<RuleRow> rows)
    {
        var list = rows.ToList();
        var errors = list.Select(Check).OfType<string>().ToList();
        var duplicates = list.GroupBy(r => (r.Key, r.EffectiveFrom)).Where(g => g.Count() > 1)
            .Select(g => Wording.Of($"Aturan {g.Key.Key} berlaku mulai {g.Key.EffectiveFrom:yyyy-MM-dd} tercatat lebih dari sekali."));
        errors.AddRange(duplicates);
        var missing = RuleKeys.All.Where(k => k is not RuleKeys.Holiday and not RuleKeys.HolidayList && list.All(r => r.Key != k))
            .Select(k => Wording.Of($"Aturan {k} belum ada."));
        errors.AddRange(missing);
        if (errors.Count > 0)
        {
            throw new InvalidRuleTableException(errors);
        }

        Rows = list.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.EffectiveFrom).ToList();
        _byKey = Rows.Where(r => r.Key is not RuleKeys.Holiday and not RuleKeys.HolidayList)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(r => (r.EffectiveFrom, r.Value)).ToArray(), StringComparer.Ordinal);
        Holidays = Rows.Where(r => r.Key == RuleKeys.Holiday).Select(r => r.EffectiveFrom).ToFrozenSet();
        HolidayListYears = Rows.Where(r => r.Key == RuleKeys.HolidayList).Select(r => r.EffectiveFrom.Year).ToFrozenSet();
        FirstSupportedPeriod = Period.Containing(_byKey[RuleKeys.SupportedFrom][0].From);
    }

    public IReadOnlyList<RuleRow> Rows { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>Years whose whole list of national holidays is in the table; other years know only the fixed-date ones.</summary>
    public IReadOnlySet<int> HolidayListYears { get; }

    public Period FirstSupportedPeriod { get; }

    /// <summary>The value of <paramref name="key"/> in force on <paramref name="date"/>.</summary>
    public decimal ValueOn(string key, DateOnly date)
    {
        if (!_byKey.TryGetValue(key, out var rows))
        {
            throw new KeyNotFoundException($"Aturan {key} tidak ada.");
        }

        // Rows are sorted by date; take the last one not after the date (or the first when the date is earlier).
        var found = rows[0].Value;
        foreach (var (from, value) in rows)
        {
            if (from > date)
            {
                break;
            }

            found = value;
        }

        return found;
    }

    /// <summary>The minimum wage of a region in force on a date, or null when the table has none (the data is optional).</summary>
    public long? MinimumWageOn(string? region, DateOnly date)
    {
        if (region is null || !_byKey.TryGetValue(RuleKeys.MinimumWage(region), out var rows) || rows[0].From > date)
        {
            return null;
        }

        return (long)ValueOn(RuleKeys.MinimumWage(region), date);
    }

    public Rate RateOn(string key, DateOnly date) => Rate.FromPercent(ValueOn(key, date));

    public long AmountOn(string key, DateOnly date) => (long)ValueOn(key, date);

    public int WholeNumberOn(string key, DateOnly date) => (int)ValueOn(key, date);

    /// <summary>The retirement age in force in a calendar year (56 until 2018, 57 in 2019–2021, …).</summary>
    public int RetirementAgeInYear(int year) => WholeNumberOn(RuleKeys.RetirementAge, new DateOnly(year, 1, 1));

    /// <summary>The smallest retirement age in the table, the age below which nobody has reached retirement.</summary>
    public int LowestRetirementAge => (int)_byKey[RuleKeys.RetirementAge].Min(r => r.Value);

    private static string? Check(RuleRow row)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"Aturan {row.Key} mulai {row.EffectiveFrom:yyyy-MM-dd}");
        if (!RuleKeys.All.Contains(row.Key) && !RuleKeys.IsMinimumWage(row.Key))
        {
            return Wording.Of($"{where}: kunci aturan tidak dikenal.");
        }

        if (RuleKeys.Percentages.Contains(row.Key))
        {
            var ppm = row.Value * 10_000m;
            return row.Value is < 0 or > 100 || ppm != decimal.Truncate(ppm)
                ? Wording.Of($"{where}: persentase harus 0–100 dengan paling banyak 4 desimal.")
                : null;
        }

        if (RuleKeys.Amounts.Contains(row.Key) || RuleKeys.IsMinimumWage(row.Key))
        {
            return row.Value is < 1 or > 1_000_000_000 || row.Value != decimal.Truncate(row.Value)
                ? Wording.Of($"{where}: jumlah rupiah harus bilangan bulat 1–1.000.000.000.")
                : null;
        }

        if (RuleKeys.Ages.Contains(row.Key))
        {
            return row.Value is < 40 or > 80 || row.Value != decimal.Truncate(row.Value)
                ? Wording.Of($"{where}: usia harus bilangan bulat 40–80 tahun.")
                : null;
        }

        return row.Key switch
        {
            RuleKeys.DueDay when row.Value is < 1 or > 28 || row.Value != decimal.Truncate(row.Value) =>
                Wording.Of($"{where}: tanggal jatuh tempo harus 1–28."),
            RuleKeys.Holiday or RuleKeys.SupportedFrom or RuleKeys.HolidayList when row.Value != 1 => Wording.Of($"{where}: nilai harus 1."),
            RuleKeys.HolidayList when row.EffectiveFrom is not { Month: 1, Day: 1 } => Wording.Of($"{where}: harus tanggal 1 Januari tahun daftarnya."),
            RuleKeys.SupportedFrom when row.EffectiveFrom.Day != 1 => Wording.Of($"{where}: harus tanggal 1 suatu bulan."),
            _ => null,
        };
    }
}
