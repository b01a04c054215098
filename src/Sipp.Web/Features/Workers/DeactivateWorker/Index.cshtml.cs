using Sipp.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Workers.DeactivateWorker;

/// <summary>"Non Aktifkan": the worker, and the form sent to <see cref="WorkerDeactivation"/>.</summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, WorkerDeactivation deactivation) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public Employment Worker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // The handler loads and checks the worker itself; the page loads it only to show a refusal.
        await currentCompany.RequireAsync(cancellationToken);
        var result = await deactivation.DeactivateAsync(id, new FormInput(Isian), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound || !await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            WorkerForms.Show(ModelState, refusal);
            return Page();
        }

        TempData["Message"] = result.Value!.Notice;
        return Redirect($"/tenaga-kerja/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await currentCompany.RequireAsync(cancellationToken);
        if (await db.FindWorkerAsync(id, cancellationToken) is not { } worker)
        {
            return false;
        }

        Worker = worker;
        return true;
    }
}
