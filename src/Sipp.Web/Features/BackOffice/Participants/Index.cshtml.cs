using Sipp.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers;
using Sipp.Web.Infrastructure.Security;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Domain;

namespace Sipp.Web.Features.BackOffice.Participants;

/// <summary>"Data Peserta": an officer finds a person by KPJ and corrects the shared identity through <see cref="IdentityCorrection"/>.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(SippDbContext db, IdentityCorrection correction) : PageModel
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

        if (await correction.CorrectAsync(Kpj!, new FormInput(Isian), cancellationToken) is { } refusal)
        {
            WorkerForms.Show(ModelState, refusal);
            return Page();
        }

        Message = Wording.Of($"Data identitas KPJ {p.Kpj} sudah disimpan dan tercatat di riwayat aktivitas {Employers} pemberi kerja.");
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
            ModelState.AddModelError(nameof(Kpj), Wording.Of("Tidak ada peserta dengan KPJ ini."));
            return null;
        }

        Employers = await db.Employments.AcrossDivisions().Where(e => e.ParticipantId == Found.Id).Select(e => e.DivisionId).Distinct().CountAsync(cancellationToken);
        return Found;
    }
}
