using Microsoft.EntityFrameworkCore;
using Sipp.Data.Workers;

namespace Sipp.Data;

/// <summary>
/// Keeps the worker-list copies on <see cref="Employment"/> (name, KPJ, NIK, latest wage) in step with their sources,
/// as part of every save: one mechanism, whatever page or import changed the data.
/// </summary>
public static class WorkerListCopies
{
    /// <summary>Before saving: copies for employments added or re-pointed in this save.</summary>
    internal static async Task FillNewAsync(SippDbContext db, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries<Employment>().Where(e => e.State == EntityState.Added).ToList())
        {
            var employment = entry.Entity;
            var participant = employment.Participant
                ?? db.ChangeTracker.Entries<Participant>().Select(p => p.Entity).FirstOrDefault(p => p.Id == employment.ParticipantId)
                ?? await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == employment.ParticipantId, cancellationToken);
            if (participant is not null)
            {
                Copy(participant, employment);
            }

            if (employment.WageHistory.Count > 0)
            {
                employment.LatestUpah = employment.WageHistory.MaxBy(w => w.EffectiveFrom)!.Upah;
            }
        }
    }

    /// <summary>What changed in this save that the copies depend on: participants and wage histories.</summary>
    internal static (List<Guid> Participants, List<Guid> Employments) Changes(SippDbContext db)
    {
        var participants = db.ChangeTracker.Entries<Participant>()
            .Where(p => p.State == EntityState.Modified && (p.Property(x => x.FullName).IsModified || p.Property(x => x.Kpj).IsModified
                || p.Property(x => x.Nik).IsModified || p.Property(x => x.PassportNumber).IsModified))
            .Select(p => p.Entity.Id).ToList();
        var employments = db.ChangeTracker.Entries<WageChange>()
            .Where(w => w.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(w => w.Entity.EmploymentId).Distinct().ToList();
        return (participants, employments);
    }

    /// <summary>After saving, in the same transaction: refresh the copies of what changed.</summary>
    internal static async Task RefreshAsync(SippDbContext db, List<Guid> participants, List<Guid> employments, CancellationToken cancellationToken)
    {
        foreach (var id in participants)
        {
            var p = await db.Participants.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.NameNormalized, x.Kpj, Search = x.Nik ?? x.PassportNumber }).SingleAsync(cancellationToken);
            // A person's name and numbers are the registry's: every employment of theirs shows the change, in whatever division.
            await db.Employments.AcrossDivisions().Where(e => e.ParticipantId == id).ExecuteUpdateAsync(
                e => e.SetProperty(x => x.SortName, p.NameNormalized).SetProperty(x => x.SearchKpj, p.Kpj).SetProperty(x => x.SearchNik, p.Search), cancellationToken);
        }

        foreach (var chunk in employments.Chunk(500))
        {
            await db.Employments.AcrossDivisions().Where(e => chunk.Contains(e.Id)).ExecuteUpdateAsync(
                e => e.SetProperty(x => x.LatestUpah, x => x.WageHistory.OrderByDescending(w => w.EffectiveFrom).Select(w => (long?)w.Upah).FirstOrDefault()),
                cancellationToken);
        }
    }

    /// <summary>For writers that bypass the context (bulk insert of wage changes): refresh the latest-wage copies, inside their transaction.</summary>
    public static Task RefreshLatestWagesAsync(SippDbContext db, List<Guid> employments, CancellationToken cancellationToken) =>
        RefreshAsync(db, [], employments, cancellationToken);

    /// <summary>Sets the copies directly, for writers that bypass the context (bulk insert).</summary>
    public static void Copy(Participant participant, Employment employment)
    {
        employment.SortName = participant.NameNormalized;
        employment.SearchKpj = participant.Kpj;
        employment.SearchNik = participant.Nik ?? participant.PassportNumber;
    }
}
