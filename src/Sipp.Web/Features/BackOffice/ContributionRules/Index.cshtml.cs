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
/// "Aturan Iuran": the effective-dated rule table, and a form to add a row (next year's JP cap, a new holiday…). The new
/// row must leave the whole table valid and may not reach back into the past; the engine uses it from its date on.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(SippDbContext db, RuleTableProvider ruleTables, AuditLog audit, TimeProvider clock) : PageModel
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
        ruleTables.Invalidate();
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

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rows = await db.RuleEntries.AsNoTracking().OrderBy(r => r.Key).ThenBy(r => r.EffectiveFrom).ToListAsync(cancellationToken);
}
