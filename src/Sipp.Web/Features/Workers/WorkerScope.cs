using Sipp.Domain.Contributions;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;

namespace Sipp.Web.Features.Workers;

/// <summary>
/// The one way worker data is reached: always through the current company division. An id of another division is
/// simply not found (404), whatever page or form it comes through.
/// </summary>
public static class WorkerScope
{
    public static IQueryable<Employment> InDivision(this IQueryable<Employment> employments, Guid divisionId) =>
        employments.Where(e => e.DivisionId == divisionId);

    /// <summary>The employment with its participant, if it belongs to the division.</summary>
    public static Task<Employment?> FindInDivisionAsync(this SippDbContext db, Guid divisionId, Guid employmentId, CancellationToken cancellationToken) =>
        db.Employments.InDivision(divisionId).Include(e => e.Participant).SingleOrDefaultAsync(e => e.Id == employmentId, cancellationToken);

    /// <summary>The wage in force in a period (the latest change from that period or before).</summary>
    public static Task<long?> WageInAsync(this SippDbContext db, Guid employmentId, Period period, CancellationToken cancellationToken) =>
        db.WageChanges.Where(w => w.EmploymentId == employmentId && w.EffectiveFrom <= period)
            .OrderByDescending(w => w.EffectiveFrom).Select(w => (long?)w.Upah).FirstOrDefaultAsync(cancellationToken);
}
