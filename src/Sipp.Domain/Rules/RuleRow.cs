namespace Sipp.Domain.Rules;

/// <summary>
/// One effective-dated rule: the value of <paramref name="Key"/> from <paramref name="EffectiveFrom"/> on, until a
/// later row of the same key. For holidays (<see cref="RuleKeys.Holiday"/>) the date is the holiday itself.
/// </summary>
public sealed record RuleRow(string Key, DateOnly EffectiveFrom, decimal Value, string Note = "");
