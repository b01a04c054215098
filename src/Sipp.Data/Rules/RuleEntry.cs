namespace Sipp.Data.Rules;

/// <summary>A row of the effective-dated rule table as stored (see Sipp.Domain.Rules.RuleRow).</summary>
public class RuleEntry
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public decimal Value { get; set; }

    public string Note { get; set; } = string.Empty;

    /// <summary>Where the row came from: a shipped data file ("aturan-iuran.v1") or "admin".</summary>
    public required string Source { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedByUserId { get; set; }
}
