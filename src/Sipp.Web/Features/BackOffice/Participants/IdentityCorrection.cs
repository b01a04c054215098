using Sipp.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.BackOffice.Participants;

/// <summary>
/// "Data Peserta": an officer corrects the identity facts every employer of a person shares (name, NIK, birth date,
/// sex). The change is written into the audit trail of each of the person's employments (docs/adr/0011).
/// </summary>
public sealed class IdentityCorrection(SippDbContext db, AuditLog audit)
{
    public async Task<Refusal?> CorrectAsync(string kpj, FormInput form, CancellationToken cancellationToken)
    {
        var participant = Kpj.TryParse(kpj, out var parsed, out _)
            ? await db.Participants.SingleOrDefaultAsync(p => p.Kpj == parsed.Value, cancellationToken)
            : null;
        if (participant is null)
        {
            return Refusal.Field(WorkerFields.Kpj, Wording.Of("Tidak ada peserta dengan KPJ ini."), RefusalKind.NotFound);
        }

        var v = new FieldValues(form.Isian);
        if (await SharedIdentity.ParseAsync(db, v, participant, cancellationToken) is not { } identity)
        {
            return Refusal.Of(v);
        }

        await SharedIdentity.ApplyAsync(db, audit, participant, identity, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
