using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Workers.DeactivateWorker;

/// <summary>"Non Aktifkan": date and reason, not before the start date; months billed after it become Kelebihan Iuran.</summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, LateChargePlanner lateCharges, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public Employment Worker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var today = clock.JakartaToday();
        var v = new FieldValues(Isian);
        var result = DeactivationCheck.Check(v, WorkerFacts.Of(Worker), today, DeactivationCheck.OtherTextField);
        if (result is null)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary());
            return Page();
        }

        Worker.Status = EmploymentStatus.NonAktif;
        Worker.EndDate = result.Value.EndDate;
        Worker.EndReason = result.Value.Reason;
        Worker.EndReasonText = result.Value.Text;
        audit.Record("tenagaKerja.nonAktif", WorkerAudit.Entity, Worker.Id.ToString(), Worker.DivisionId,
            new { status = "Aktif" }, new { status = "Non Aktif", tanggal = result.Value.EndDate, alasan = WorkerTexts.Reason(result.Value.Reason), keterangan = result.Value.Text });
        var charges = await lateCharges.SaveWithChargesAsync(Worker.DivisionId, Worker.Id, audit, cancellationToken);
        TempData["Message"] = $"{Worker.Participant.FullName} non aktif sejak {WorkerTexts.Date(result.Value.EndDate)}." + LateChargeTexts.Summary(charges);
        return Redirect($"/tenaga-kerja/{Worker.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        if (await db.FindWorkerAsync(id, cancellationToken) is not { } worker)
        {
            return false;
        }

        Worker = worker;
        return true;
    }
}
