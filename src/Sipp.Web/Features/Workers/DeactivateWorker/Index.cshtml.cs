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

    /// <summary>Set once the form is valid: the page spells out the consequence and asks to confirm.</summary>
    public DeactivationPlan? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>First the check and the question ("Ya, Non Aktifkan"); with <paramref name="konfirmasi"/> "ya", the deed;
    /// with "ubah", the form again as it was filled.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? konfirmasi, CancellationToken cancellationToken)
    {
        // The handler loads and checks the worker itself; the page loads it only to show a refusal or the question.
        await currentCompany.RequireAsync(cancellationToken);
        var form = new FormInput(Isian);
        if (konfirmasi != "ya")
        {
            var plan = konfirmasi == "ubah" ? new Result<DeactivationPlan>(null, null) : await deactivation.CheckAsync(id, form, cancellationToken);
            return await ShowAsync(id, plan.Refusal, plan.Value, cancellationToken);
        }

        var result = await deactivation.DeactivateAsync(id, form, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return await ShowAsync(id, refusal, null, cancellationToken);
        }

        TempData["Message"] = result.Value!.Notice;
        return Redirect($"/tenaga-kerja/{id}");
    }

    private async Task<IActionResult> ShowAsync(Guid id, Refusal? refusal, DeactivationPlan? confirming, CancellationToken cancellationToken)
    {
        if (refusal?.Kind == RefusalKind.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (refusal is not null)
        {
            WorkerForms.Show(ModelState, refusal);
        }

        Confirming = confirming;
        return Page();
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
