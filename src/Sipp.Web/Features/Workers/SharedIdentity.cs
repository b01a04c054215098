using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Web.Infrastructure.Audit;

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

    public static async Task RecordChangeAsync(SippDbContext db, AuditLog audit, Participant participant, object before, CancellationToken cancellationToken)
    {
        var employments = await db.Employments.Where(e => e.ParticipantId == participant.Id)
            .Select(e => new { e.Id, e.DivisionId }).ToListAsync(cancellationToken);
        var after = Snapshot(participant);
        foreach (var employment in employments)
        {
            audit.Record(ChangeAction, WorkerDetail.IndexModel.AuditEntity, employment.Id.ToString(), employment.DivisionId, before, after);
        }
    }

    /// <summary>A company may correct them only before a KPJ is issued, while it is the person's only employer.</summary>
    public static async Task<bool> EditableByCompanyAsync(SippDbContext db, Participant participant, CancellationToken cancellationToken) =>
        participant.Kpj is null && await db.Employments.CountAsync(e => e.ParticipantId == participant.Id, cancellationToken) == 1;
}
