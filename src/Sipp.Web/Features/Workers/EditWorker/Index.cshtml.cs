using Sipp.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Workers.EditWorker;

/// <summary>"Ubah Data": the worker's data in the form (the identity fields only while editable), sent to <see cref="WorkerDataUpdate"/>.</summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, WorkerDataUpdate update) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public Employment Worker { get; private set; } = null!;

    public bool IdentityEditable { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } worker)
        {
            return NotFound();
        }

        var p = worker.Participant;
        Isian = new Dictionary<string, string?>
        {
            [F.Nik] = p.Nik, [F.BirthDate] = p.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [F.Sex] = WorkerTexts.Sex(p.Sex), [F.FullName] = p.FullName, [F.BirthPlace] = worker.BirthPlace, [F.MotherMaidenName] = worker.MotherMaidenName,
            [F.MaritalStatus] = WorkerTexts.Marital(worker.MaritalStatus), [F.Address] = worker.Address, [F.PostalCode] = worker.PostalCode,
            [F.Phone] = worker.Phone, [F.Email] = worker.Email, [F.Npwp] = worker.Npwp, [F.EmployeeNumber] = worker.EmployeeNumber,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // The handler loads and checks the worker itself; the page loads it only to show a refusal.
        await currentCompany.RequireAsync(cancellationToken);
        var result = await update.UpdateAsync(id, new FormInput(Isian), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound || await LoadAsync(id, cancellationToken) is null)
            {
                return NotFound();
            }

            WorkerForms.Show(ModelState, refusal);
            return Page();
        }

        TempData["Message"] = result.Value!.Notice;
        return Redirect($"/tenaga-kerja/{id}");
    }

    private async Task<Employment?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        var worker = await db.FindWorkerAsync(id, cancellationToken);
        if (worker is not null)
        {
            Worker = worker;
            IdentityEditable = await SharedIdentity.EditableByCompanyAsync(db, worker.Participant, cancellationToken);
        }

        return worker;
    }
}
