using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.BackOffice.Participants;

/// <summary>
/// "Data Peserta": an officer corrects the identity facts every employer of a person shares (name, NIK, birth date,
/// sex). The change is written into the audit trail of each of the person's employments (docs/adr/0011).
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(SippDbContext db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kpj { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public Participant? Found { get; private set; }

    public int Employers { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } p)
        {
            Isian = new Dictionary<string, string?>
            {
                [F.FullName] = p.FullName, [F.Nik] = p.Nik, [F.Sex] = WorkerTexts.Sex(p.Sex),
                [F.BirthDate] = p.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } p)
        {
            return Page();
        }

        var v = new FieldValues(Isian);
        if (await SharedIdentity.ParseAsync(db, v, p, cancellationToken) is not { } identity)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary());
            return Page();
        }

        await SharedIdentity.ApplyAsync(db, audit, p, identity, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Message = $"Data identitas KPJ {p.Kpj} sudah disimpan dan tercatat di riwayat aktivitas {Employers} pemberi kerja.";
        return RedirectToPage(new { Kpj });
    }

    private async Task<Participant?> FindAsync(CancellationToken cancellationToken)
    {
        if (Kpj is null)
        {
            return null;
        }

        if (!Sipp.Domain.Identifiers.Kpj.TryParse(Kpj, out var kpj, out var error))
        {
            ModelState.AddModelError(nameof(Kpj), error);
            return null;
        }

        Found = await db.Participants.SingleOrDefaultAsync(p => p.Kpj == kpj.Value, cancellationToken);
        if (Found is null)
        {
            ModelState.AddModelError(nameof(Kpj), "Tidak ada peserta dengan KPJ ini.");
            return null;
        }

        Employers = await db.Employments.AcrossDivisions().Where(e => e.ParticipantId == Found.Id).Select(e => e.DivisionId).Distinct().CountAsync(cancellationToken);
        return Found;
    }
}
