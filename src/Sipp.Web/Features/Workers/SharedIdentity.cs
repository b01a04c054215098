using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Identifiers;
using Sipp.Domain.People;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Audit;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers;

/// <summary>
/// The identity facts every employer of a person shares (NIK or passport, name, birth date, sex; docs/adr/0011). A change
/// to them is written into the audit trail of every employment of the person, so each employer sees it.
/// </summary>
public static class SharedIdentity
{
    public const string ChangeAction = "peserta.ubahIdentitas";

    public static object Snapshot(Participant p) => new
    {
        nama = p.FullName, nik = WorkerTexts.MaskedId(p.Nik, p.PassportNumber), tanggalLahir = p.BirthDate, jenisKelamin = WorkerTexts.Sex(p.Sex),
    };

    /// <summary>The shared facts as typed: the NIK (of a WNI) agrees with birth date and sex and belongs to nobody else.</summary>
    public sealed record Facts(PersonName Name, Nik? Nik, DateOnly BirthDate, Sex Sex);

    /// <summary>Reads the form's identity fields for <paramref name="participant"/>; null when one is wrong (its message is in <paramref name="values"/>).</summary>
    public static async Task<Facts?> ParseAsync(SippDbContext db, FieldValues values, Participant participant, CancellationToken cancellationToken)
    {
        var name = values.Parse<PersonName>(F.FullName, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.FullName));
        var birth = values.Date(F.BirthDate, true);
        var sex = values.Choice(F.Sex, true, (Sex.Male, ["Laki-laki"]), (Sex.Female, ["Perempuan"]));
        var wni = participant.Citizenship == Citizenship.Wni;
        var nik = wni ? values.Parse<Nik>(F.Nik, true, Nik.TryParse) : null;
        if (nik is { } typed && birth is { } b && sex is { } s
            && (typed.CheckAgainst(b, s) ?? (typed.Value != participant.Nik && await db.Participants.AnyAsync(x => x.Nik == typed.Value, cancellationToken)
                ? Wording.Of("NIK ini sudah dipakai peserta lain.")
                : null)) is { } refusal)
        {
            values.Fail(F.Nik, refusal);
            return null;
        }

        return name is { } typedName && birth is { } birthDate && sex is { } typedSex && (nik is not null || !wni)
            ? new Facts(typedName, nik, birthDate, typedSex)
            : null;
    }

    /// <summary>Sets the facts on the registry row and, when anything changed, records it on every employment's trail (the caller saves).</summary>
    public static async Task ApplyAsync(SippDbContext db, AuditLog audit, Participant participant, Facts facts, CancellationToken cancellationToken)
    {
        var before = Snapshot(participant);
        participant.FullName = facts.Name.Value;
        participant.NameNormalized = facts.Name.Normalized;
        participant.Nik = facts.Nik?.Value ?? participant.Nik;
        participant.BirthDate = facts.BirthDate;
        participant.Sex = facts.Sex;
        if (db.Entry(participant).State == EntityState.Modified)
        {
            await RecordChangeAsync(db, audit, participant, before, cancellationToken);
        }
    }

    private static async Task RecordChangeAsync(SippDbContext db, AuditLog audit, Participant participant, object before, CancellationToken cancellationToken)
    {
        var employments = await db.Employments.AcrossDivisions().Where(e => e.ParticipantId == participant.Id)
            .Select(e => new { e.Id, e.DivisionId }).ToListAsync(cancellationToken);
        var after = Snapshot(participant);
        foreach (var employment in employments)
        {
            audit.Record(ChangeAction, WorkerAudit.Entity, employment.Id.ToString(), employment.DivisionId, before, after);
        }
    }

    /// <summary>A company may correct them only before a KPJ is issued, while it is the person's only employer.</summary>
    public static async Task<bool> EditableByCompanyAsync(SippDbContext db, Participant participant, CancellationToken cancellationToken) =>
        participant.Kpj is null && await db.Employments.AcrossDivisions().CountAsync(e => e.ParticipantId == participant.Id, cancellationToken) == 1;
}
