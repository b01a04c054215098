using System.Net;
using System.Net.Http.Json;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Calculator;

public class CalculatorRateLimitTests(CalculatorRateLimitTests.Fixture fixture) : IClassFixture<CalculatorRateLimitTests.Fixture>
{
    [Fact]
    public async Task AFlood_From_OneAddress_Gets429WithRetryAfter()
    {
        var client = fixture.Factory.CreateClient();
        var request = new { periode = "2026-03", upah = 5_000_000, tanggalLahir = "1990-01-01" };

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/iuran/simulasi", request, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(refused);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("Terlalu banyak permintaan", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    public sealed class Fixture : WebFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:Calculator:PermitLimit"] = "3",
            ["RateLimits:Calculator:Window"] = "00:01:00",
        };
    }
}
