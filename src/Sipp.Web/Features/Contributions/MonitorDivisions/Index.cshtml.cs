using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Contributions.MonitorDivisions;

/// <summary>"Monitoring Iuran — Semua Divisi": one month of every division of the company the user belongs to, with totals.</summary>
[Authorize(Policy = Policies.CompanyMember)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, DivisionAccess access, DivisionsComputation computation, TimeProvider clock) : PageModel
{
    /// <summary>What "Hitung Iuran" did in each division chosen, shown above the table.</summary>
    public IReadOnlyList<DivisionComputed> Computed { get; private set; } = [];

    public IReadOnlyList<DivisionMonth> Rows { get; private set; } = [];

    public CompanyContext Company { get; private set; } = null!;

    public Period Period { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? periode, CancellationToken cancellationToken) =>
        await ChooseAsync(periode, cancellationToken) ? await ShowAsync(cancellationToken) : NotFound();

    /// <summary>"Hitung Iuran" for the chosen divisions (<paramref name="divisi"/>), each on its own; the table again with what each did.</summary>
    public async Task<IActionResult> OnPostComputeAsync(string? periode, List<Guid> divisi, CancellationToken cancellationToken)
    {
        if (!await ChooseAsync(periode, cancellationToken))
        {
            return NotFound();
        }

        Computed = divisi.Count == 0
            ? [new DivisionComputed("–", "–", false, Sipp.Domain.Wording.Of("Pilih divisi yang akan dihitung."))]
            : await computation.ComputeAsync(await DivisionsQuery.OfCompanyAsync(access, Company, cancellationToken), Period, divisi, cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>The company and the period asked for (this month when none); false for a period that is not one.</summary>
    private async Task<bool> ChooseAsync(string? periode, CancellationToken cancellationToken)
    {
        Company = await currentCompany.RequireAsync(cancellationToken);
        if (periode is null)
        {
            Period = Period.Containing(clock.JakartaToday());
            return true;
        }

        if (!Period.TryParse(periode, out var chosen, out _))
        {
            return false;
        }

        Period = chosen;
        return true;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Rows = await DivisionsQuery.LoadAsync(db, await DivisionsQuery.OfCompanyAsync(access, Company, cancellationToken), Period, clock.JakartaToday(), cancellationToken);
        return Page();
    }
}
