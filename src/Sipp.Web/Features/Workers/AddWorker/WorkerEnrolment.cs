using Sipp.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Periods;
using Sipp.Domain.Contributions;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.AddWorker;

/// <summary>
/// "Tambah Tenaga Kerja", in the current division. With a KPJ ("Ya"): confirmed by the person's NIK and birth date,
/// joining at once as Aktif; no match gives one neutral message and reveals nothing. Without ("Tidak"): a new
/// participant waiting as Menunggu Verifikasi; a NIK already in the registry is sent to the "Ya" path instead of
/// creating a second person.
/// </summary>
public sealed class WorkerEnrolment(SippDbContext db, LateChargePlanner lateCharges, AuditLog audit, TimeProvider clock)
{
    public static string NoMatch => Wording.Of("Data peserta tidak ditemukan atau tidak cocok. Periksa kembali Nomor Peserta (KPJ), NIK dan Tanggal Lahir.");

    public static string AlreadyRegistered => Wording.Of("Orang ini sudah terdaftar sebagai peserta BPJS Ketenagakerjaan. Pilih \"Sudah memiliki KPJ? Ya\" dan daftarkan dengan KPJ-nya.");

    public static bool IsAlreadyRegistered(Refusal refusal) =>
        refusal.Kind == RefusalKind.Conflict && refusal.Errors.Values.Any(messages => messages.Contains(AlreadyRegistered));

    public async Task<Result<WorkerSaved>> EnrolWithKpjAsync(FormInput form, CancellationToken cancellationToken)
    {
        var values = new FieldValues(form.Isian);
        var kpj = values.Parse<Kpj>(F.Kpj, true, Kpj.TryParse);
        var identity = values.Required(F.Nik);
        var birthDate = values.Date(F.BirthDate, true);
        var employment = NewWorkerParser.ParseEmployment(values, birthDate);
        if ((Refusal.Of(values) ?? await EmployeeNumbers.CheckFreeAsync(db, employment!.Number, null, cancellationToken)) is { } invalid)
        {
            return invalid;
        }

        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Kpj == kpj!.Value.Value, cancellationToken);
        if (participant is null || participant.BirthDate != birthDate || !IdentityNumbers.Same(identity!, participant.Nik ?? participant.PassportNumber))
        {
            return Refusal.Of(NoMatch, RefusalKind.Unprocessable);
        }

        if (await db.Employments.AnyAsync(
                e => e.ParticipantId == participant.Id && (e.Status == EmploymentStatus.Aktif || e.Status == EmploymentStatus.MenungguVerifikasi), cancellationToken))
        {
            return Refusal.Of(Wording.Of("Peserta ini sudah terdaftar sebagai tenaga kerja di divisi ini."), RefusalKind.Conflict);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // The person's first registration with any employer.
        var firstRegistered = await db.Employments.AcrossDivisions().Where(e => e.ParticipantId == participant.Id).OrderBy(e => e.RegisteredOn)
            .Select(e => (DateOnly?)e.RegisteredOn).FirstOrDefaultAsync(cancellationToken) ?? DateOnly.FromDateTime(participant.CreatedAt);
        var added = WorkerRecords.NewEmployment(participant.Id, db.ScopedDivisionId, employment!, EmploymentStatus.Aktif, firstRegistered, now);
        added.VerifiedAt = now;
        db.Employments.Add(added);
        audit.Record("tenagaKerja.tambah", WorkerAudit.Entity, added.Id.ToString(), added.DivisionId,
            after: new { kpj = participant.Kpj, jalur = "sudah memiliki KPJ", status = "Aktif", upah = employment!.Upah, mulai = employment.MembershipStart, nomorPegawai = employment.Number?.Value });
        var charges = await lateCharges.SaveWithChargesAsync(added.DivisionId, added.Id, audit, cancellationToken);
        return new WorkerSaved(added.Id, Wording.Of($"{participant.FullName} (KPJ {participant.Kpj}) sudah terdaftar aktif di divisi ini.") + LateChargeTexts.Summary(charges));
    }

    public async Task<Result<WorkerSaved>> EnrolNewAsync(FormInput form, CancellationToken cancellationToken)
    {
        var (worker, errors) = NewWorkerParser.Parse(form.Isian);
        if (worker is null)
        {
            return new Refusal(RefusalKind.Invalid, errors);
        }

        if (await EmployeeNumbers.CheckFreeAsync(db, worker.Employment.Number, null, cancellationToken) is { } taken)
        {
            return taken;
        }

        var nik = worker.Nik?.Value;
        var passport = worker.Passport?.Value;
        var country = worker.Country?.Value;
        var known = nik is not null
            ? await db.Participants.AnyAsync(p => p.Nik == nik, cancellationToken)
            : await db.Participants.AnyAsync(p => p.PassportNumber == passport && p.CountryCode == country, cancellationToken);
        if (known)
        {
            return Refusal.Field(nik is not null ? F.Nik : F.Passport, AlreadyRegistered, RefusalKind.Conflict);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var participant = WorkerRecords.ToParticipant(worker, now);
        var added = WorkerRecords.NewEmployment(participant.Id, db.ScopedDivisionId, worker, clock.JakartaToday(), now);
        db.Participants.Add(participant);
        db.Employments.Add(added);
        audit.Record("tenagaKerja.tambah", WorkerAudit.Entity, added.Id.ToString(), added.DivisionId,
            after: new { nama = participant.FullName, jalur = "peserta baru", status = "Menunggu Verifikasi", upah = worker.Employment.Upah, mulai = worker.Employment.MembershipStart, nomorPegawai = worker.Employment.Number?.Value });
        await db.SaveChangesAsync(cancellationToken);
        return new WorkerSaved(added.Id, Wording.Of($"{participant.FullName} menunggu verifikasi petugas BPJS. KPJ terbit setelah disetujui.") + await ArrearsNoticeAsync(worker.Employment.MembershipStart, cancellationToken));
    }

    /// <summary>Tells that months already final will be billed as Iuran Susulan once the worker is verified.</summary>
    private async Task<string> ArrearsNoticeAsync(DateOnly start, CancellationToken cancellationToken)
    {
        var from = Period.Containing(start);
        var final = await db.ContributionPeriods.Where(p => p.Period >= from && (p.Status == PeriodStatus.Final || p.Status == PeriodStatus.Lunas))
            .OrderBy(p => p.Period).Select(p => p.Period).ToListAsync(cancellationToken);
        return final.Count == 0 ? string.Empty
            : Wording.Of($" Periode {string.Join(", ", final)} sudah final: iurannya ditagihkan sebagai Iuran Susulan (dengan denda) pada tagihan berikutnya setelah data disetujui.");
    }
}
