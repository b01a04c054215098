using System.Globalization;
using Sipp.Domain.Rules;

namespace Sipp.Domain.Calendar;

/// <summary>
/// A year's national holidays as an officer types them from the decree (SKB 3 Menteri), one per line: "MM-DD Name" or
/// "YYYY-MM-DD Name". Becomes the year's <see cref="RuleKeys.Holiday"/> rows and its <see cref="RuleKeys.HolidayList"/>
/// marker, or the reasons it cannot, line by line.
/// </summary>
public static class HolidayList
{
    public const int MaxLines = 40;

    public static (IReadOnlyList<RuleRow> Rows, IReadOnlyList<string> Errors) Parse(int year, string? text, DateOnly today)
    {
        var errors = new List<string>();
        var holidays = new List<RuleRow>();
        if (year is < 2022 or > 2099)
        {
            return ([], [Wording.Of("Tahun harus antara 2022 dan 2099.")]);
        }

        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0).ToList();
        if (lines.Count is 0 or > MaxLines)
        {
            return ([], [Wording.Of($"Isi 1–{MaxLines} baris, satu hari libur per baris, misalnya \"01-01 Tahun Baru Masehi\".")]);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(' ', 2, StringSplitOptions.TrimEntries);
            var dateText = parts[0].Length == 5 ? $"{year}-{parts[0]}" : parts[0];
            var name = parts.Length > 1 ? parts[1] : string.Empty;
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(Wording.Of($"Baris {i + 1}: tanggal harus MM-DD atau YYYY-MM-DD di awal baris."));
            }
            else if (date.Year != year)
            {
                errors.Add(Wording.Of($"Baris {i + 1}: {date:yyyy-MM-dd} bukan tahun {year}."));
            }
            else if (date < today)
            {
                errors.Add(Wording.Of($"Baris {i + 1}: {date:yyyy-MM-dd} sudah lewat; jatuh tempo yang sudah terbit tidak berubah."));
            }
            else if (name.Length is 0 or > 150)
            {
                errors.Add(Wording.Of($"Baris {i + 1}: tulis nama hari libur (paling panjang 150 karakter) setelah tanggalnya."));
            }
            else if (holidays.Any(h => h.EffectiveFrom == date))
            {
                errors.Add(Wording.Of($"Baris {i + 1}: {date:yyyy-MM-dd} tercantum lebih dari sekali."));
            }
            else
            {
                holidays.Add(new RuleRow(RuleKeys.Holiday, date, 1, name));
            }
        }

        return errors.Count > 0
            ? ([], errors)
            : ([new RuleRow(RuleKeys.HolidayList, new DateOnly(year, 1, 1), 1, $"Daftar libur nasional {year} lengkap"), .. holidays], []);
    }
}
