using Sipp.Domain;
using Sipp.Domain.Contributions;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Workers;

/// <summary>
/// How a worker is reached. Like all company data, only in the current division (<see cref="DivisionScope"/>): an id of
/// another division is simply not found (404), whatever page or form it comes through.
/// </summary>
public static class WorkerScope
{
    /// <summary>The refusal of a worker id that is not (in this division).</summary>
    public static Refusal NotFound => Refusal.Of(Wording.Of("Tenaga kerja tidak ditemukan."), RefusalKind.NotFound);

    /// <summary>The employment with its participant.</summary>
    public static Task<Employment?> FindWorkerAsync(this SippDbContext db, Guid employmentId, CancellationToken cancellationToken) =>
        db.Employments.Include(e => e.Participant).SingleOrDefaultAsync(e => e.Id == employmentId, cancellationToken);

    /// <summary>The wage in force in a period (the latest change from that period or before).</summary>
    public static Task<long?> WageInAsync(this SippDbContext db, Guid employmentId, Period period, CancellationToken cancellationToken) =>
        db.WageChanges.Where(w => w.EmploymentId == employmentId && w.EffectiveFrom <= period)
            .OrderByDescending(w => w.EffectiveFrom).Select(w => (long?)w.Upah).FirstOrDefaultAsync(cancellationToken);
}
