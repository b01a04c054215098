using Sipp.Domain.Identifiers;

namespace Sipp.Domain.Tests.Identifiers;

public class IdentityNumbersTests
{
    [Theory]
    [InlineData("3174 0512 0190 0001", "3174051201900001", true)]
    [InlineData("3174.0512.0190-0001", "3174051201900001", true)]
    [InlineData("a1234567", "A1234567", true)]
    [InlineData("3174051201900002", "3174051201900001", false)]
    [InlineData("3174051201900001", null, false)]
    public void ATypedNumber_MatchesTheRegistrysIgnoringSpacesDotsDashesAndCase(string typed, string? registered, bool same) =>
        Assert.Equal(same, IdentityNumbers.Same(typed, registered));
}
