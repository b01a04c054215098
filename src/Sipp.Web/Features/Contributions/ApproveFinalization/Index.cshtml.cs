using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Contributions.ApproveFinalization;

/// <summary>
/// "Persetujuan": the requests waiting in this division, each with its totals per program beside last month's and the
/// difference; "Setujui" or "Tolak" with a reason; the decisions made; and, for the Admin, the setting itself.
/// </summary>
[Authorize(Policy = Policies.CompanyApprover)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, FinalizationApproval approval) : PageModel
{
    public CompanyContext Company { get; private set; } = null!;

    public bool Required { get; private set; }

    public IReadOnlyList<WaitingRequest> Waiting { get; private set; } = [];

    public IReadOnlyList<FinalizationRequest> Decided { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        await ToldAsync(await approval.ApproveAsync(await currentCompany.RequireAsync(cancellationToken), id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? alasan, CancellationToken cancellationToken) =>
        await ToldAsync(await approval.RejectAsync(await currentCompany.RequireAsync(cancellationToken), id, alasan, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostSettingAsync(bool perluPersetujuan, CancellationToken cancellationToken) =>
        await ToldAsync(await approval.RequireApprovalAsync(await currentCompany.RequireAsync(cancellationToken), perluPersetujuan, cancellationToken), cancellationToken);

    private async Task<IActionResult> ToldAsync(Result<string> result, CancellationToken cancellationToken)
    {
        switch (result.Refusal)
        {
            case { Kind: RefusalKind.NotFound }:
                return NotFound();
            case { Kind: RefusalKind.Invalid } invalid:
                invalid.AddTo(ModelState);
                await LoadAsync(cancellationToken);
                return Page();
        }

        Message = result.Refusal?.Message ?? result.Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Company = await currentCompany.RequireAsync(cancellationToken);
        Required = await approval.NeedsApprovalAsync(Company.DivisionId, cancellationToken);
        var waiting = await db.FinalizationRequests.AsNoTracking().Include(r => r.ContributionPeriod)
            .Where(r => r.Status == FinalizationRequestStatus.Menunggu).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
        var previousMonths = waiting.Select(r => r.Period.AddMonths(-1)).ToList();
        var previous = await db.ContributionPeriods.AsNoTracking().Where(p => previousMonths.Contains(p.Period)).ToDictionaryAsync(p => p.Period, cancellationToken);
        Waiting = waiting.Select(r => new WaitingRequest(r, previous.GetValueOrDefault(r.Period.AddMonths(-1)), r.RequestedByUserId == Company.UserId)).ToList();
        Decided = await db.FinalizationRequests.AsNoTracking().Where(r => r.Status != FinalizationRequestStatus.Menunggu)
            .OrderByDescending(r => r.DecidedAt ?? r.RequestedAt).ThenByDescending(r => r.Id).Take(20).ToListAsync(cancellationToken);
    }
}

/// <summary>A waiting request with its period's totals, last month's (when computed) and whether the viewer made it.</summary>
public sealed record WaitingRequest(FinalizationRequest Request, ContributionPeriod? Previous, bool IsOwn)
{
    public ContributionPeriod Period => Request.ContributionPeriod;

    public static readonly IReadOnlyList<string> Labels = ["JHT", "JKK", "JKM", "JP", "Total Iuran"];

    /// <summary>Label, this month, last month (or null): the lines of the comparison.</summary>
    public IEnumerable<(string Label, long Now, long? Before)> Lines =>
    [
        (Labels[0], Period.JhtTotal, Previous?.JhtTotal), (Labels[1], Period.JkkTotal, Previous?.JkkTotal), (Labels[2], Period.JkmTotal, Previous?.JkmTotal),
        (Labels[3], Period.JpTotal, Previous?.JpTotal), (Labels[4], Period.Total, Previous?.Total),
    ];
}
