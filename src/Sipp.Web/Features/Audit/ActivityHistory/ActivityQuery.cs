using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Audit;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Audit.ActivityHistory;

/// <summary>"Riwayat Aktivitas" filters: who (a user of the division), what (an action), when (a month in Jakarta time).</summary>
public sealed record ActivityFilter(Guid? Orang, string? Aktivitas, string? Periode)
{
    public Period? Month => Period.TryParse(Periode, out var period, out _) ? period : null;
}

/// <summary>One event of the trail with the actor's current name (stored events of old named the actor by email).</summary>
public sealed record ActivityRow(AuditEvent Event, string? ActorFullName)
{
    public string Actor => ActorFullName ?? Event.ActorName ?? "Sistem";
}

/// <summary>
/// The division's audit trail, newest first, filtered; read through the division scope like every division's rows,
/// so an Admin sees only the division they manage.
/// </summary>
public static class ActivityQuery
{
    public static IQueryable<ActivityRow> Rows(SippDbContext db, ActivityFilter filter)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (filter.Orang is { } person)
        {
            events = events.Where(a => a.ActorUserId == person);
        }

        if (!string.IsNullOrEmpty(filter.Aktivitas))
        {
            events = events.Where(a => a.Action == filter.Aktivitas);
        }

        if (filter.Month is { } month)
        {
            // A Jakarta month in stored UTC: from 17:00 UTC on the day before its first day.
            var from = month.FirstDay.ToDateTime(TimeOnly.MinValue).Add(-JakartaTime.Zone.BaseUtcOffset);
            var until = month.AddMonths(1).FirstDay.ToDateTime(TimeOnly.MinValue).Add(-JakartaTime.Zone.BaseUtcOffset);
            events = events.Where(a => a.OccurredAt >= from && a.OccurredAt < until);
        }

        return WithActors(db, events);
    }

    /// <summary>Events, newest first, with their actors' names.</summary>
    public static IQueryable<ActivityRow> WithActors(SippDbContext db, IQueryable<AuditEvent> events) =>
        from e in events
        join u in db.Users on e.ActorUserId equals u.Id into actors
        from actor in actors.DefaultIfEmpty()
        orderby e.Id descending
        select new ActivityRow(e, actor == null ? null : actor.FullName);

    /// <summary>The people a filter can name: the division's users, by name.</summary>
    public static Task<List<(Guid Id, string Name)>> PeopleAsync(SippDbContext db, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().OrderBy(m => m.User.FullName).Select(m => ValueTuple.Create(m.UserId, m.User.FullName)).ToListAsync(cancellationToken);
}
