using Sipp.Web.Features.Shared;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Identifiers;
using Sipp.Domain.People;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.EditWorker;

/// <summary>
/// "Ubah Data": what this employer entered about the person. The shared identity facts (NIK, name, birth date, sex) are
/// changed too only while the person has no KPJ yet and this is their only employer; after that they are the
/// registry's and change through a BPJS officer (docs/adr/0011).
/// </summary>
public sealed class WorkerDataUpdate(SippDbContext db, AuditLog audit)
{
    public async Task<Result<WorkerSaved>> UpdateAsync(Guid workerId, FormInput form, CancellationToken cancellationToken)
    {
        if (await db.FindWorkerAsync(workerId, cancellationToken) is not { } worker)
        {
            return WorkerScope.NotFound;
        }

        var p = worker.Participant;
        var before = Snapshot(worker);
        var v = new FieldValues(form.Isian);
        var place = v.Parse<PersonName>(F.BirthPlace, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.BirthPlace));
        var mother = v.Parse<PersonName>(F.MotherMaidenName, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.MotherMaidenName));
        var marital = v.Choice(F.MaritalStatus, true, (MaritalStatus.BelumKawin, ["Belum Kawin"]), (MaritalStatus.Kawin, ["Kawin"]),
            (MaritalStatus.CeraiHidup, ["Cerai Hidup"]), (MaritalStatus.CeraiMati, ["Cerai Mati"]));
        var address = v.Required(F.Address);
        var postal = v.Required(F.PostalCode);
        if (postal is not null && (postal.Length != 5 || !postal.All(char.IsAsciiDigit)))
        {
            v.Fail(F.PostalCode, Wording.Of("Kode Pos harus 5 angka."));
        }

        var phone = v.Parse<PhoneNumber>(F.Phone, false, PhoneNumber.TryParse);
        var email = v.Parse<EmailAddress>(F.Email, false, EmailAddress.TryParse);
        var npwp = v.Parse<Npwp>(F.Npwp, false, Npwp.TryParse);
        var number = v.Parse<EmployeeNumber>(F.EmployeeNumber, false, EmployeeNumber.TryParse);
        var identity = await SharedIdentity.EditableByCompanyAsync(db, p, cancellationToken) ? await SharedIdentity.ParseAsync(db, v, p, cancellationToken) : null;
        if ((Refusal.Of(v) ?? await EmployeeNumbers.CheckFreeAsync(db, number, worker.Id, cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        worker.BirthPlace = place!.Value.Value;
        worker.MotherMaidenName = mother!.Value.Value;
        worker.MaritalStatus = marital!.Value;
        worker.Address = address;
        worker.PostalCode = postal;
        worker.Phone = phone?.Value;
        worker.Email = email?.Value;
        worker.Npwp = npwp?.Value;
        worker.EmployeeNumber = number?.Value;
        audit.Record("tenagaKerja.ubahData", WorkerAudit.Entity, worker.Id.ToString(), worker.DivisionId, before, Snapshot(worker));
        if (identity is not null)
        {
            await SharedIdentity.ApplyAsync(db, audit, p, identity, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new WorkerSaved(worker.Id, Wording.Of("Data tenaga kerja sudah disimpan."));
    }

    private static object Snapshot(Employment e) => new
    {
        tempatLahir = e.BirthPlace, statusKawin = e.MaritalStatus.ToString(), alamat = e.Address, kodePos = e.PostalCode, handphone = e.Phone, email = e.Email,
        nomorPegawai = e.EmployeeNumber,
    };
}
