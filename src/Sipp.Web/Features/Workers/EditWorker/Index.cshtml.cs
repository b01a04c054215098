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
/// "Ubah Data": personal data. NIK, birth date and sex can be corrected only while the person has no KPJ yet; after
/// that they are the registry's and change through a BPJS branch office.
/// </summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, AuditLog audit) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public Employment Worker { get; private set; } = null!;

    public bool IdentityEditable => Worker.Participant.Kpj is null;

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
            [F.Sex] = WorkerTexts.Sex(p.Sex), [F.FullName] = p.FullName, [F.BirthPlace] = p.BirthPlace, [F.MotherMaidenName] = p.MotherMaidenName,
            [F.MaritalStatus] = WorkerTexts.Marital(p.MaritalStatus), [F.Address] = p.Address, [F.PostalCode] = p.PostalCode,
            [F.Phone] = p.Phone, [F.Email] = p.Email, [F.Npwp] = p.Npwp,
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
        var before = Snapshot(p);
        var v = new FieldValues(Isian);
        var name = v.Parse<PersonName>(F.FullName, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.FullName));
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
        Nik? nik = null;
        DateOnly? birth = null;
        Sex? sex = null;
        if (IdentityEditable)
        {
            birth = v.Date(F.BirthDate, true);
            sex = v.Choice(F.Sex, true, (Sex.Male, ["Laki-laki"]), (Sex.Female, ["Perempuan"]));
            if (p.Citizenship == Citizenship.Wni)
            {
                nik = v.Parse<Nik>(F.Nik, true, Sipp.Domain.Identifiers.Nik.TryParse);
                if (nik is { } n && birth is { } b && sex is { } s && n.CheckAgainst(b, s) is { } mismatch)
                {
                    v.Fail(F.Nik, mismatch);
                }
            }
        }

        if (v.HasErrors)
        {
            WorkerForms.AddErrors(ModelState, v.ToDictionary());
            return Page();
        }

        p.FullName = name!.Value.Value;
        p.NameNormalized = name.Value.Normalized;
        p.BirthPlace = place!.Value.Value;
        p.MotherMaidenName = mother!.Value.Value;
        p.MaritalStatus = marital!.Value;
        p.Address = address;
        p.PostalCode = postal;
        p.Phone = phone?.Value;
        p.Email = email?.Value;
        p.Npwp = npwp?.Value;
        if (IdentityEditable)
        {
            p.Nik = nik?.Value ?? p.Nik;
            p.BirthDate = birth!.Value;
            p.Sex = sex!.Value;
        }

        audit.Record("tenagaKerja.ubahData", WorkerDetail.IndexModel.AuditEntity, worker.Id.ToString(), worker.DivisionId, before, Snapshot(p));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Data tenaga kerja sudah disimpan.";
        return Redirect($"/tenaga-kerja/{worker.Id}");
    }

    private async Task<Employment?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        var worker = await db.FindInDivisionAsync(company.DivisionId, id, cancellationToken);
        if (worker is not null)
        {
            Worker = worker;
        }

        return worker;
    }

    private static object Snapshot(Participant p) => new
    {
        nama = p.FullName, nik = WorkerTexts.MaskedId(p.Nik, null), tanggalLahir = p.BirthDate, tempatLahir = p.BirthPlace,
        statusKawin = p.MaritalStatus.ToString(), alamat = p.Address, kodePos = p.PostalCode, handphone = p.Phone, email = p.Email,
    };
}
