using System.Net;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Security;

/// <summary>Per-IP rate limits on login, OTP and registration, and the IP allow/deny lists.</summary>
public class FloodAndIpTests(FloodAndIpTests.Fixture fixture) : IClassFixture<FloodAndIpTests.Fixture>
{
    [Theory]
    [InlineData("/masuk", "198.51.100.1")]
    [InlineData("/daftar", "198.51.100.2")]
    [InlineData("/masuk/verifikasi", "198.51.100.3")]
    public async Task AFloodFromOneAddress_Gets429WithRetryAfter_WhileOtherAddressesStillGetIn(string url, string address)
    {
        var flooder = fixture.Factory.WithoutRedirects(fixture.Factory.NewBrowser(address));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await flooder.GetAsync(url, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : refused;
        }

        var other = await fixture.Factory.WithoutRedirects(fixture.Factory.NewBrowser("198.51.100.200")).GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..3]);
        Assert.True(int.Parse(refused!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Theory]
    [InlineData("10.20.30.40", HttpStatusCode.NotFound)]   // allowed network: reaches the app (no page there yet)
    [InlineData("10.66.1.2", HttpStatusCode.Forbidden)]    // inside the allowed network but denied explicitly
    [InlineData("192.0.2.10", HttpStatusCode.Forbidden)]   // outside the allow list
    public async Task TheBackOffice_IsReachableOnlyFromTheAllowedNetworks(string address, HttpStatusCode expected)
    {
        var client = fixture.Factory.WithoutRedirects(fixture.Factory.NewBrowser(address));

        using var response = await client.GetAsync("/backoffice/apa-saja", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PathsWithoutARule_AreNotAffected()
    {
        var client = fixture.Factory.NewBrowser("192.0.2.10");

        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync("/kalkulator"));
    }

    public sealed class Fixture : WebFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:Login:PermitLimit"] = "3",
            ["RateLimits:Otp:PermitLimit"] = "3",
            ["RateLimits:Registration:PermitLimit"] = "3",
            ["Security:IpRules:0:PathPrefix"] = "/backoffice",
            ["Security:IpRules:0:Allow:0"] = "10.0.0.0/8",
            ["Security:IpRules:0:Deny:0"] = "10.66.0.0/16",
        };
    }
}
