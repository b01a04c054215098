using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Workers.ChangeWage;

/// <summary>
/// "Perubahan Upah": a new wage from a period on; the history is kept. A raise reaching into final or paid months is
/// billed as Iuran Rapel on the next bill; a decrease there is refused (iuran.md §7).
/// </summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, LateChargePlanner lateCharges, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public Employment Worker { get; private set; } = null!;

    public IReadOnlyList<WageChange> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Isian[F.WageFrom] = Period.Containing(clock.JakartaToday()).ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var v = new FieldValues(Isian);
        var upah = v.Rupiah(F.Wage);
        var period = v.Parse<Period>(F.WageFrom, true, (string? i, out Period o, out string e) => Period.TryParse(i, out o, out e));
        if (period is { } from)
        {
            foreach (var error in WageChangeRules.Check(WorkerFacts.Of(Worker), from))
            {
                v.Fail(F.WageFrom, error);
            }

            if (!v.HasErrors && upah is { } proposed
                && LateChargePlanner.DecreaseRefusal(await lateCharges.PlanAsync(Worker.DivisionId, [Worker.Id], new Dictionary<Guid, ProposedWage> { [Worker.Id] = new(from, proposed) }, cancellationToken)) is { } decrease)
            {
                v.Fail(F.WageFrom, decrease);
            }
        }

        if (v.HasErrors)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary());
            return Page();
        }

        var existing = await db.WageChanges.SingleOrDefaultAsync(w => w.EmploymentId == Worker.Id && w.EffectiveFrom == period!.Value, cancellationToken);
        var before = await db.WageInAsync(Worker.Id, period!.Value, cancellationToken);
        if (existing is null)
        {
            db.WageChanges.Add(new WageChange { EmploymentId = Worker.Id, EffectiveFrom = period.Value, Upah = upah!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            existing.Upah = upah!.Value;
        }

        audit.Record("tenagaKerja.ubahUpah", WorkerAudit.Entity, Worker.Id.ToString(), Worker.DivisionId,
            new { periode = period.Value.ToString(), upah = before }, new { periode = period.Value.ToString(), upah = upah.Value });
        var charges = await lateCharges.SaveWithChargesAsync(Worker.DivisionId, Worker.Id, audit, cancellationToken);
        TempData["Message"] = $"Upah {new Domain.Money.Rupiah(upah.Value)} berlaku mulai periode {period.Value}." + LateChargeTexts.Summary(charges);
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
        History = await db.WageChanges.AsNoTracking().Where(w => w.EmploymentId == id).OrderByDescending(w => w.EffectiveFrom).ToListAsync(cancellationToken);
        return true;
    }
}
