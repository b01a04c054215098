using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Rules;
using Sipp.Domain.Rules;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.BackOffice.ContributionRules;

/// <summary>"Tambah Aturan" as typed: the rule's key (or "upahMinimum" with its region), date, value and note.</summary>
public sealed record NewRule(string? Kunci, string? Wilayah, string? BerlakuMulai, string? Nilai, string? Catatan);

/// <summary>
/// Adding to the effective-dated rule table: one row (next year's JP cap, a new holiday…) or a year's whole list of
/// national holidays. New rows must leave the whole table valid and may not reach back into the past; the engine uses
/// them from their date on (on every node: <see cref="RuleTableProvider"/>). Refusals are keyed by the form's names.
/// </summary>
public sealed class RuleAmendment(SippDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public const string MinimumWageChoice = "upahMinimum";

    /// <summary>The choices of "Aturan": every fixed key, and "upahMinimum" which takes its region from "Wilayah".</summary>
    public static IReadOnlyList<string> Keys { get; } = RuleKeys.All.Append(MinimumWageChoice).Order(StringComparer.Ordinal).ToList();

    /// <summary>The row added, described for the user; or the refusal.</summary>
    public async Task<Result<string>> AddAsync(NewRule rule, Guid? byUserId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var today = clock.JakartaToday();
        var key = Keys.FirstOrDefault(k => k == rule.Kunci);
        if (key is null)
        {
            errors.Add(nameof(NewRule.Kunci), Wording.Of("Pilih aturan."));
        }
        else if (key == MinimumWageChoice)
        {
            var region = rule.Wilayah?.Trim() ?? string.Empty;
            key = RuleKeys.IsRegion(region) ? RuleKeys.MinimumWage(region) : null;
            if (key is null)
            {
                errors.Add(nameof(NewRule.Wilayah), Wording.Of("Untuk upah minimum, isi Wilayah: 2–10 huruf, angka atau tanda -, misalnya 3171."));
            }
        }

        if (!Sipp.Domain.Periods.TypedDate.TryParse(rule.BerlakuMulai, out var from))
        {
            errors.Add(nameof(NewRule.BerlakuMulai), Wording.Of("Isi tanggal berlaku mulai (tanggal libur untuk aturan libur)."));
        }
        else if (key == RuleKeys.Holiday ? from < today : from <= today)
        {
            errors.Add(nameof(NewRule.BerlakuMulai), key == RuleKeys.Holiday
                ? Wording.Of("Hari libur yang sudah lewat tidak dapat ditambahkan: jatuh tempo yang sudah terbit tidak berubah.")
                : Wording.Of("Aturan baru berlaku paling cepat besok; perhitungan yang sudah ada tidak diubah surut."));
        }

        var value = key == RuleKeys.Holiday ? 1m : ParseValue(rule.Nilai);
        if (value is null)
        {
            errors.Add(nameof(NewRule.Nilai), Wording.Of("Isi nilai berupa angka, misalnya 11086300 atau 0,24."));
        }

        if (errors.Refusal is { } invalid)
        {
            return invalid;
        }

        var note = (rule.Catatan ?? string.Empty).Trim();
        var row = new RuleRow(key!, from, value!.Value, note);
        if (await RefusalOfTableWithAsync([row], nameof(NewRule.Nilai), cancellationToken) is { } broken)
        {
            return broken;
        }

        db.RuleEntries.Add(Entry(row, byUserId));
        audit.Record("aturanIuran.tambah", "AturanIuran", $"{key}@{from:yyyy-MM-dd}", after: new { kunci = key, berlakuMulai = from, nilai = value, catatan = note });
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of($"Aturan {key} berlaku mulai {from.ToString("d MMMM yyyy", Indonesian)} ditambahkan.");
    }

    /// <summary>"Daftar Libur Nasional": a year's whole list of holidays (one per line), all added or none; refusals keyed "DaftarLibur".</summary>
    public async Task<Result<string>> SetHolidaysAsync(int year, string? list, Guid? byUserId, CancellationToken cancellationToken)
    {
        const string Field = "DaftarLibur";
        var (rows, errors) = Sipp.Domain.Calendar.HolidayList.Parse(year, list, clock.JakartaToday());
        var existing = await ExistingAsync(cancellationToken);
        if (errors.Count == 0 && existing.Any(r => r.Key == RuleKeys.HolidayList && r.EffectiveFrom.Year == year))
        {
            errors = [Wording.Of($"Daftar libur nasional {year} sudah ditetapkan. Perubahan sesudahnya ditambahkan satu per satu di \"Tambah Aturan\".")];
        }

        if (errors.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, new Dictionary<string, string[]> { [Field] = [.. errors] });
        }

        // A fixed-date holiday of that year may already be stored (shipped until 2035): it is kept, not added twice.
        var added = rows.Where(r => !existing.Any(e => e.Key == r.Key && e.EffectiveFrom == r.EffectiveFrom)).ToList();
        if (await RefusalOfTableWithAsync(added, Field, cancellationToken) is { } broken)
        {
            return broken;
        }

        db.RuleEntries.AddRange(added.Select(r => Entry(r, byUserId)));
        audit.Record("aturanIuran.daftarLibur", "AturanIuran", $"{RuleKeys.HolidayList}@{year}",
            after: new { tahun = year, libur = rows.Where(r => r.Key == RuleKeys.Holiday).Select(r => new { tanggal = r.EffectiveFrom, nama = r.Note }) });
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of($"Daftar libur nasional {year} ditetapkan: {rows.Count - 1} hari libur.");
    }

    /// <summary>Whether the whole table stays valid with the new rows (the domain's own check).</summary>
    private async Task<Refusal?> RefusalOfTableWithAsync(IReadOnlyList<RuleRow> added, string field, CancellationToken cancellationToken)
    {
        try
        {
            _ = new RuleTable((await ExistingAsync(cancellationToken)).Concat(added));
            return null;
        }
        catch (InvalidRuleTableException e)
        {
            return new Refusal(RefusalKind.Invalid, new Dictionary<string, string[]> { [field] = [.. e.Problems] });
        }
    }

    private Task<List<RuleRow>> ExistingAsync(CancellationToken cancellationToken) =>
        db.RuleEntries.AsNoTracking().Select(r => new RuleRow(r.Key, r.EffectiveFrom, r.Value, r.Note)).ToListAsync(cancellationToken);

    private RuleEntry Entry(RuleRow row, Guid? byUserId) => new()
    {
        Key = row.Key, EffectiveFrom = row.EffectiveFrom, Value = row.Value, Note = row.Note, Source = "admin", CreatedAt = clock.GetUtcNow().UtcDateTime,
        CreatedByUserId = byUserId,
    };

    /// <summary>Accepts "11086300", "11.086.300", "0,24" and "0.24".</summary>
    private static decimal? ParseValue(string? text)
    {
        var value = (text ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (value.Contains(',', StringComparison.Ordinal))
        {
            value = value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }
        else if (value.Count(c => c == '.') > 1 || (value.Contains('.', StringComparison.Ordinal) && value.Length - value.LastIndexOf('.') == 4))
        {
            value = value.Replace(".", string.Empty, StringComparison.Ordinal); // thousands separators
        }

        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
