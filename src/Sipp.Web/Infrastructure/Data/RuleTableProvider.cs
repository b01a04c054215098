using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Rules;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// The rule table as stored in the database, built once per version of the rules. Rule rows are only ever added, so
/// their highest id and their count stamp a version: each request asks the database for that stamp (one indexed read)
/// and rebuilds the table when it moved, so a rule an administrator saved on one node is used by every node from the
/// next computation on.
/// </summary>
public sealed class RuleTableProvider(IServiceScopeFactory scopes)
{
    private volatile Cached? _current;

    public async Task<RuleTable> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
        var stamp = await db.RuleEntries.GroupBy(r => 1).Select(g => new Stamp(g.Max(r => r.Id), g.Count())).SingleOrDefaultAsync(cancellationToken) ?? new Stamp(0, 0);
        if (_current is { } cached && cached.Stamp == stamp)
        {
            return cached.Table;
        }

        var rows = await db.RuleEntries.AsNoTracking()
            .Select(r => new RuleRow(r.Key, r.EffectiveFrom, r.Value, r.Note))
            .ToListAsync(cancellationToken);
        var table = new RuleTable(rows);
        _current = new Cached(stamp, table);
        return table;
    }

    private sealed record Stamp(long HighestId, int Count);

    private sealed record Cached(Stamp Stamp, RuleTable Table);
}
