using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Rules;
using Sipp.Domain.Rules;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// Loads the shipped rule data file into the database once per version: rows whose key and date are not yet
/// stored are added; rows an administrator added are never touched.
/// </summary>
public static class RuleDataLoader
{
    public static async Task<int> LoadShippedRulesAsync(SippDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var source = RuleDataFile.SourceName(RuleDataFile.CurrentVersion);
        if (await db.RuleEntries.AnyAsync(r => r.Source == source, cancellationToken))
        {
            return 0;
        }

        var existing = (await db.RuleEntries.Select(r => new { r.Key, r.EffectiveFrom }).ToListAsync(cancellationToken))
            .Select(r => (r.Key, r.EffectiveFrom))
            .ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = RuleDataFile.Load()
            .Where(r => !existing.Contains((r.Key, r.EffectiveFrom)))
            .Select(r => new RuleEntry
            {
                Key = r.Key,
                EffectiveFrom = r.EffectiveFrom,
                Value = r.Value,
                Note = r.Note,
                Source = source,
                CreatedAt = now,
            })
            .ToList();
        db.RuleEntries.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
    }
}
