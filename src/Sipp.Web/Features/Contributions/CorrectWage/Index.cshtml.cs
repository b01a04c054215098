using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sipp.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Infrastructure.Security;
using F = Sipp.Domain.Workers.WorkerFields;

using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Contributions.CorrectWage;

/// <summary>"Koreksi": one worker's wage for one computed period; the worker's wage history is not changed.</summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, WageCorrection correction, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public string? Upah { get; set; }

    public Period Period { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Kpj { get; private set; }

    public long CurrentUpah { get; private set; }

    public async Task<IActionResult> OnGetAsync(string periode, Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(periode, id, cancellationToken))
        {
            return NotFound();
        }

        Upah = CurrentUpah.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string periode, Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(periode, id, cancellationToken))
        {
            return NotFound();
        }

        var v = new FieldValues(new Dictionary<string, string?> { [F.Wage] = Upah });
        var upah = v.Rupiah(F.Wage);
        var company = await currentCompany.RequireAsync(cancellationToken);
        var refusal = Refusal.Of(v) ?? await correction.CorrectAsync(company.DivisionId, Period, id, upah!.Value, cancellationToken);
        if (refusal is not null)
        {
            refusal.AddTo(ModelState, new Dictionary<string, string> { [F.Wage] = nameof(Upah), [Refusal.Whole] = nameof(Upah) });
            return Page();
        }

        TempData["Message"] = L["Upah {0} untuk periode {1} dikoreksi menjadi {2}; iurannya dihitung ulang.", Name, Show.Month(Period), new Domain.Money.Rupiah(upah!.Value)].Value;
        return Redirect($"/iuran/{Period}");
    }

    private async Task<bool> LoadAsync(string periode, Guid employmentId, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(periode, out var period, out _))
        {
            return false;
        }

        Period = period;
        var company = await currentCompany.RequireAsync(cancellationToken);
        var line = await db.ContributionLines.AsNoTracking()
            .Where(l => l.EmploymentId == employmentId && l.ContributionPeriod.Period == period)
            .Select(l => new { l.Upah, l.Employment.Participant.FullName, l.Employment.Participant.Kpj })
            .SingleOrDefaultAsync(cancellationToken);
        if (line is null)
        {
            return false;
        }

        (CurrentUpah, Name, Kpj) = (line.Upah, line.FullName, line.Kpj);
        return true;
    }
}
