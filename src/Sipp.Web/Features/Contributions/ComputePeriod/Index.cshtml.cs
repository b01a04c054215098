using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sipp.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Infrastructure;

using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Contributions.ComputePeriod;

/// <summary>"Hitung Iuran": choose a period and compute it (again, until it is final).</summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, PeriodComputation computation, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public string? Periode { get; set; }

    public IReadOnlyList<ContributionPeriod> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Periode ??= Period.Containing(clock.JakartaToday()).ToString();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        if (!Period.TryParse(Periode, out var period, out var error))
        {
            ModelState.AddModelError(nameof(Periode), error);
        }
        else if (await computation.ComputeAsync(company.DivisionId, period, cancellationToken) is { } refusal)
        {
            refusal.AddTo(ModelState, new Dictionary<string, string> { [Refusal.Whole] = nameof(Periode) });
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = L["Iuran periode {0} telah dihitung.", Show.Month(period)].Value;
        return Redirect($"/iuran/{period}");
    }

    public string Status(ContributionPeriod period) =>
        PeriodTexts.Status(period, clock.JakartaToday());

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        Recent = await db.ContributionPeriods.AsNoTracking()
            .OrderByDescending(p => p.Period).Take(12).ToListAsync(cancellationToken);
    }
}
