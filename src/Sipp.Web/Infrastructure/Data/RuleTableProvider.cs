using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Rules;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// The rule table as stored in the database, built once and kept until rules change (an administrator adding a row
/// calls <see cref="Invalidate"/>).
/// </summary>
public sealed class RuleTableProvider(IServiceScopeFactory scopes)
{
    private volatile RuleTable? _current;

    public async Task<RuleTable> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } table)
        {
            return table;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
        var rows = await db.RuleEntries.AsNoTracking()
            .Select(r => new RuleRow(r.Key, r.EffectiveFrom, r.Value, r.Note))
            .ToListAsync(cancellationToken);
        _current = new RuleTable(rows);
        return _current;
    }

    public void Invalidate() => _current = null;
}
