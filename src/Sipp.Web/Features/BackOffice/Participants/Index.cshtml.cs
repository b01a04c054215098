using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Identifiers;
using Sipp.Domain.People;
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

        var before = SharedIdentity.Snapshot(p);
        var v = new FieldValues(Isian);
        var name = v.Parse<PersonName>(F.FullName, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.FullName));
        var birth = v.Date(F.BirthDate, true);
        var sex = v.Choice(F.Sex, true, (Sex.Male, ["Laki-laki"]), (Sex.Female, ["Perempuan"]));
        Nik? nik = null;
        if (p.Citizenship == Citizenship.Wni)
        {
            nik = v.Parse<Nik>(F.Nik, true, Sipp.Domain.Identifiers.Nik.TryParse);
            if (nik is { } n && birth is { } b && sex is { } s && n.CheckAgainst(b, s) is { } mismatch)
            {
                v.Fail(F.Nik, mismatch);
            }
            else if (nik is { } taken && taken.Value != p.Nik && await db.Participants.AnyAsync(x => x.Nik == taken.Value, cancellationToken))
            {
                v.Fail(F.Nik, "NIK ini sudah dipakai peserta lain.");
            }
        }

        if (v.HasErrors)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary());
            return Page();
        }

        p.FullName = name!.Value.Value;
        p.NameNormalized = name.Value.Normalized;
        p.Nik = nik?.Value ?? p.Nik;
        p.BirthDate = birth!.Value;
        p.Sex = sex!.Value;
        if (db.Entry(p).State == EntityState.Modified)
        {
            await SharedIdentity.RecordChangeAsync(db, audit, p, before, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

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

        Employers = await db.Employments.Where(e => e.ParticipantId == Found.Id).Select(e => e.DivisionId).Distinct().CountAsync(cancellationToken);
        return Found;
    }
}
