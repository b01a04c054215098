using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Identifiers;
using Sipp.Domain.People;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Workers.EditWorker;

/// <summary>
/// "Ubah Data": what this employer entered about the person. The shared identity facts (NIK, name, birth date, sex) can
/// be corrected only while the person has no KPJ yet and this is their only employer; after that they are the
/// registry's and change through a BPJS officer (docs/adr/0011).
/// </summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, AuditLog audit) : PageModel
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
            [F.Phone] = worker.Phone, [F.Email] = worker.Email, [F.Npwp] = worker.Npwp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } worker)
        {
            return NotFound();
        }

        var p = worker.Participant;
        var before = Snapshot(worker);
        var v = new FieldValues(Isian);
        var place = v.Parse<PersonName>(F.BirthPlace, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.BirthPlace));
        var mother = v.Parse<PersonName>(F.MotherMaidenName, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.MotherMaidenName));
        var marital = v.Choice(F.MaritalStatus, true, (MaritalStatus.BelumKawin, ["Belum Kawin"]), (MaritalStatus.Kawin, ["Kawin"]),
            (MaritalStatus.CeraiHidup, ["Cerai Hidup"]), (MaritalStatus.CeraiMati, ["Cerai Mati"]));
        var address = v.Required(F.Address);
        var postal = v.Required(F.PostalCode);
        if (postal is not null && (postal.Length != 5 || !postal.All(char.IsAsciiDigit)))
        {
            v.Fail(F.PostalCode, "Kode Pos harus 5 angka.");
        }

        var phone = v.Parse<PhoneNumber>(F.Phone, false, PhoneNumber.TryParse);
        var email = v.Parse<EmailAddress>(F.Email, false, EmailAddress.TryParse);
        var npwp = v.Parse<Npwp>(F.Npwp, false, Sipp.Domain.Identifiers.Npwp.TryParse);
        var identity = IdentityEditable ? await SharedIdentity.ParseAsync(db, v, p, cancellationToken) : null;
        if (v.HasErrors)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary());
            return Page();
        }

        worker.BirthPlace = place!.Value.Value;
        worker.MotherMaidenName = mother!.Value.Value;
        worker.MaritalStatus = marital!.Value;
        worker.Address = address;
        worker.PostalCode = postal;
        worker.Phone = phone?.Value;
        worker.Email = email?.Value;
        worker.Npwp = npwp?.Value;
        audit.Record("tenagaKerja.ubahData", WorkerAudit.Entity, worker.Id.ToString(), worker.DivisionId, before, Snapshot(worker));
        if (identity is not null)
        {
            await SharedIdentity.ApplyAsync(db, audit, p, identity, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Data tenaga kerja sudah disimpan.";
        return Redirect($"/tenaga-kerja/{worker.Id}");
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

    private static object Snapshot(Employment e) => new
    {
        tempatLahir = e.BirthPlace, statusKawin = e.MaritalStatus.ToString(), alamat = e.Address, kodePos = e.PostalCode, handphone = e.Phone, email = e.Email,
    };
}
