namespace Sipp.Domain.Rules;

/// <summary>The rule rows contradict or miss what the engine needs; lists every problem found.</summary>
public sealed class InvalidRuleTableException(IReadOnlyList<string> problems)
    : Exception("Tabel aturan iuran tidak valid: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
