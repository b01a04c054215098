using System.Globalization;
using Sipp.Domain.Identifiers;

namespace Sipp.Domain.Workers;

/// <summary>
/// Issues KPJ numbers when an officer approves a new participant: two digits of the issuing year followed by a
/// nine-digit sequence of that year (26 000000001, 26 000000002, …). Unique forever: the year prefix never comes
/// back within a century and the sequence only grows; the database's unique index is the final guard.
/// See docs/adr/0006-kpj-issuing-scheme.md.
/// </summary>
public static class KpjIssuer
{
    public const long SequenceLimit = 999_999_999;

    /// <summary>The prefix of KPJs issued in <paramref name="year"/>, e.g. "26".</summary>
    public static string Prefix(int year) => (year % 100).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The KPJ after <paramref name="highestIssuedThisYear"/> (null when none was issued yet this year).</summary>
    public static Kpj Next(int year, string? highestIssuedThisYear)
    {
        var prefix = Prefix(year);
        long sequence = 0;
        if (highestIssuedThisYear is not null)
        {
            if (!highestIssuedThisYear.StartsWith(prefix, StringComparison.Ordinal) || highestIssuedThisYear.Length != 11)
            {
                throw new ArgumentException($"KPJ {highestIssuedThisYear} bukan KPJ tahun {year}.", nameof(highestIssuedThisYear));
            }

            sequence = long.Parse(highestIssuedThisYear.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (sequence >= SequenceLimit)
        {
            throw new InvalidOperationException($"Nomor urut KPJ tahun {year} sudah habis.");
        }

        return Kpj.Parse(prefix + (sequence + 1).ToString("D9", CultureInfo.InvariantCulture));
    }
}
