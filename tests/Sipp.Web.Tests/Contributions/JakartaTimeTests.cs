using Microsoft.Extensions.Time.Testing;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

public class JakartaTimeTests
{
    [Theory]
    [InlineData("2026-03-16T16:59:00Z", "2026-03-16")] // 23:59 WIB
    [InlineData("2026-03-16T17:00:00Z", "2026-03-17")] // midnight in Jakarta, still the 16th in UTC
    [InlineData("2026-12-31T20:00:00Z", "2027-01-01")]
    public void Today_IsTheDateInJakarta(string utc, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), clock.JakartaToday());
    }
}
