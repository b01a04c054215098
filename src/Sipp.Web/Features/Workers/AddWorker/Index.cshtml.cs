using Sipp.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Workers.AddWorker;

/// <summary>"Tambah Tenaga Kerja": "Sudah memiliki KPJ? Ya" or "Tidak", each a form sent to <see cref="WorkerEnrolment"/>.</summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(CurrentCompany currentCompany, WorkerEnrolment enrolment) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Jalur { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostYaAsync(CancellationToken cancellationToken)
    {
        Jalur = "ya";
        await currentCompany.RequireAsync(cancellationToken);
        return Show(await enrolment.EnrolWithKpjAsync(new FormInput(Isian), cancellationToken));
    }

    public async Task<IActionResult> OnPostTidakAsync(CancellationToken cancellationToken)
    {
        Jalur = "tidak";
        await currentCompany.RequireAsync(cancellationToken);
        var result = await enrolment.EnrolNewAsync(new FormInput(Isian), cancellationToken);
        if (result.Refusal is { } refusal && WorkerEnrolment.IsAlreadyRegistered(refusal))
        {
            // The person has a KPJ already: the "Ya" form, with what was typed (the KPJ itself is not revealed).
            Jalur = "ya";
            if (string.IsNullOrWhiteSpace(Isian.GetValueOrDefault(Sipp.Domain.Workers.WorkerFields.Nik)))
            {
                Isian[Sipp.Domain.Workers.WorkerFields.Nik] = Isian.GetValueOrDefault(Sipp.Domain.Workers.WorkerFields.Passport);
            }

            MovedToKpjPath = true;
            return Page();
        }

        return Show(result);
    }

    /// <summary>Set when a new participant turned out to be registered already and the page moved to the "Ya" form.</summary>
    public bool MovedToKpjPath { get; private set; }

    private IActionResult Show(Result<WorkerSaved> result)
    {
        if (result.Refusal is { } refusal)
        {
            WorkerForms.Show(ModelState, refusal);
            return Page();
        }

        TempData["Message"] = result.Value!.Notice;
        return Redirect($"/tenaga-kerja/{result.Value.WorkerId}");
    }
}
