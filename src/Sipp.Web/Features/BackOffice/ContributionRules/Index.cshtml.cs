using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Rules;
using Sipp.Domain.Rules;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.BackOffice.ContributionRules;

/// <summary>
/// "Aturan Iuran": the effective-dated rule table, a form to add a row (next year's JP cap, a new holiday…) and one for a
/// year's whole list of national holidays. New rows must leave the whole table valid and may not reach back into the
/// past; the engine uses them from their date on.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(SippDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public IReadOnlyList<RuleEntry> Rows { get; private set; } = [];

    [BindProperty]
    public string? Kunci { get; set; }

    [BindProperty]
    public string? Wilayah { get; set; }

    [BindProperty]
    public string? BerlakuMulai { get; set; }

    [BindProperty]
    public string? Nilai { get; set; }

    [BindProperty]
    public string? Catatan { get; set; }

    /// <summary>The choices of "Aturan": every fixed key, and "upahMinimum" which takes its region from "Wilayah".</summary>
    public static IReadOnlyList<string> Keys { get; } = RuleKeys.All.Append(MinimumWageChoice).Order(StringComparer.Ordinal).ToList();

    public const string MinimumWageChoice = "upahMinimum";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var today = clock.JakartaToday();
        var key = Keys.FirstOrDefault(k => k == Kunci);
        if (key is null)
        {
            ModelState.AddModelError(nameof(Kunci), "Pilih aturan.");
        }
        else if (key == MinimumWageChoice)
        {
            var region = Wilayah?.Trim() ?? string.Empty;
            key = RuleKeys.IsRegion(region) ? RuleKeys.MinimumWage(region) : null;
            if (key is null)
            {
                ModelState.AddModelError(nameof(Wilayah), "Untuk upah minimum, isi Wilayah: 2–10 huruf, angka atau tanda -, misalnya 3171.");
            }
        }

        if (!DateOnly.TryParseExact(BerlakuMulai, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            ModelState.AddModelError(nameof(BerlakuMulai), "Isi tanggal berlaku mulai (tanggal libur untuk aturan libur).");
        }
        else if (key == RuleKeys.Holiday ? from < today : from <= today)
        {
            ModelState.AddModelError(nameof(BerlakuMulai), key == RuleKeys.Holiday
                ? "Hari libur yang sudah lewat tidak dapat ditambahkan: jatuh tempo yang sudah terbit tidak berubah."
                : "Aturan baru berlaku paling cepat besok; perhitungan yang sudah ada tidak diubah surut.");
        }

        var value = key == RuleKeys.Holiday ? 1m : ParseValue(Nilai);
        if (value is null)
        {
            ModelState.AddModelError(nameof(Nilai), "Isi nilai berupa angka, misalnya 11086300 atau 0,24.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var note = (Catatan ?? string.Empty).Trim();
        var existing = await db.RuleEntries.AsNoTracking().Select(r => new RuleRow(r.Key, r.EffectiveFrom, r.Value, r.Note)).ToListAsync(cancellationToken);
        try
        {
            _ = new RuleTable(existing.Append(new RuleRow(key!, from, value!.Value, note)));
        }
        catch (InvalidRuleTableException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(nameof(Nilai), problem);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        var companyUser = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        db.RuleEntries.Add(new RuleEntry
        {
            Key = key!, EffectiveFrom = from, Value = value!.Value, Note = note, Source = "admin", CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = Guid.TryParse(companyUser, out var userId) ? userId : null,
        });
        audit.Record("aturanIuran.tambah", "AturanIuran", $"{key}@{from:yyyy-MM-dd}", after: new { kunci = key, berlakuMulai = from, nilai = value, catatan = note });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Aturan {key} berlaku mulai {from.ToString("d MMMM yyyy", Indonesian)} ditambahkan.";
        return RedirectToPage();
    }

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

    [BindProperty]
    public int? TahunLibur { get; set; }

    [BindProperty]
    public string? DaftarLibur { get; set; }

    /// <summary>"Daftar Libur Nasional": a year's whole list of holidays in one form, all added or none.</summary>
    public async Task<IActionResult> OnPostHolidaysAsync(CancellationToken cancellationToken)
    {
        var year = TahunLibur ?? 0;
        var (rows, errors) = Sipp.Domain.Calendar.HolidayList.Parse(year, DaftarLibur, clock.JakartaToday());
        var existing = await db.RuleEntries.AsNoTracking().Select(r => new RuleRow(r.Key, r.EffectiveFrom, r.Value, r.Note)).ToListAsync(cancellationToken);
        if (errors.Count == 0 && existing.Any(r => r.Key == RuleKeys.HolidayList && r.EffectiveFrom.Year == year))
        {
            errors = [$"Daftar libur nasional {year} sudah ditetapkan. Perubahan sesudahnya ditambahkan satu per satu di \"Tambah Aturan\"."];
        }

        // A fixed-date holiday of that year may already be stored (shipped until 2035): it is kept, not added twice.
        var added = rows.Where(r => !existing.Any(e => e.Key == r.Key && e.EffectiveFrom == r.EffectiveFrom)).ToList();
        if (errors.Count == 0)
        {
            try
            {
                _ = new RuleTable(existing.Concat(added));
            }
            catch (InvalidRuleTableException e)
            {
                errors = e.Problems.ToList();
            }
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(nameof(DaftarLibur), error);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : (Guid?)null;
        db.RuleEntries.AddRange(added.Select(r => new RuleEntry
        {
            Key = r.Key, EffectiveFrom = r.EffectiveFrom, Value = r.Value, Note = r.Note, Source = "admin", CreatedAt = now, CreatedByUserId = userId,
        }));
        audit.Record("aturanIuran.daftarLibur", "AturanIuran", $"{RuleKeys.HolidayList}@{year}",
            after: new { tahun = year, libur = rows.Where(r => r.Key == RuleKeys.Holiday).Select(r => new { tanggal = r.EffectiveFrom, nama = r.Note }) });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Daftar libur nasional {year} ditetapkan: {rows.Count - 1} hari libur.";
        return RedirectToPage();
    }

    /// <summary>From January, while this year's JP wage cap (in force from March) is not in the table.</summary>
    public string? JpCapReminder { get; private set; }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await db.RuleEntries.AsNoTracking().OrderBy(r => r.Key).ThenBy(r => r.EffectiveFrom).ToListAsync(cancellationToken);
        var year = clock.JakartaToday().Year;
        JpCapReminder = Rows.Any(r => r.Key == RuleKeys.JpWageCap && r.EffectiveFrom.Year == year)
            ? null
            : $"Batas upah JP tahun {year} (berlaku mulai 1 Maret {year}) belum ditetapkan. Tambahkan aturan jp.batasUpah setelah BPJS Ketenagakerjaan mengumumkannya; sampai itu periode mulai Maret dihitung dengan batas terakhir dan diberi peringatan.";
    }
}
