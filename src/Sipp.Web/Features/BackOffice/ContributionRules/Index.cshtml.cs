using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Rules;
using Sipp.Domain.Rules;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Infrastructure;
using Sipp.Domain;

namespace Sipp.Web.Features.BackOffice.ContributionRules;

/// <summary>
/// "Aturan Iuran": the effective-dated rule table, a form to add a row (next year's JP cap, a new holiday…) and one for a
/// year's whole list of national holidays, both sent to <see cref="RuleAmendment"/>.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(SippDbContext db, RuleAmendment amendment, TimeProvider clock) : PageModel
{
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
    public static IReadOnlyList<string> Keys => RuleAmendment.Keys;

    public const string MinimumWageChoice = RuleAmendment.MinimumWageChoice;

    [BindProperty]
    public int? TahunLibur { get; set; }

    [BindProperty]
    public string? DaftarLibur { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await ShowAsync(await amendment.AddAsync(new NewRule(Kunci, Wilayah, BerlakuMulai, Nilai, Catatan), UserId, cancellationToken), cancellationToken);

    /// <summary>"Daftar Libur Nasional": a year's whole list of holidays in one form, all added or none.</summary>
    public async Task<IActionResult> OnPostHolidaysAsync(CancellationToken cancellationToken) =>
        await ShowAsync(await amendment.SetHolidaysAsync(TahunLibur ?? 0, DaftarLibur, UserId, cancellationToken), cancellationToken);

    private Guid? UserId => Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;

    private async Task<IActionResult> ShowAsync(Result<string> result, CancellationToken cancellationToken)
    {
        if (result.Refusal is { } refusal)
        {
            refusal.AddTo(ModelState);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = result.Value;
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
            : Wording.Of($"Batas upah JP tahun {year} (berlaku mulai 1 Maret {year}) belum ditetapkan. Tambahkan aturan jp.batasUpah setelah BPJS Ketenagakerjaan mengumumkannya; sampai itu periode mulai Maret dihitung dengan batas terakhir dan diberi peringatan.");
    }
}
