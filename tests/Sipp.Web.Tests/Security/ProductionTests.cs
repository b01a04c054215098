using System.Net;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Security;

/// <summary>Production behind a TLS-terminating proxy at 10.0.0.5: HTTPS only, HSTS, secure cookies, no outbox.</summary>
public class ProductionTests(ProductionTests.Fixture fixture) : IClassFixture<ProductionTests.Fixture>
{
    private const string Proxy = "10.0.0.5";

    [Theory]
    [InlineData("/dev/outbox")]
    [InlineData("/dev/outbox.json")]
    [InlineData("/dev/simulator-bank")]
    public async Task TheOutboxAndTheSimulatorBank_DoNotExistOutsideDevelopment(string url)
    {
        using var response = await ViaProxy(HttpMethod.Get, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PlainHttp_IsRedirectedToHttps()
    {
        var client = fixture.Factory.CreateDefaultClient(new Uri("http://localhost"));
        client.DefaultRequestHeaders.Add(SippWebFactory.ClientIpHeader, Proxy);

        using var response = await client.GetAsync("/masuk", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task Https_CarriesHsts_AndSecureCookies()
    {
        using var response = await ViaProxy(HttpMethod.Get, "/masuk");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUnknownAddress_AreNotTrusted()
    {
        var client = fixture.Factory.CreateDefaultClient(new Uri("http://localhost"));
        client.DefaultRequestHeaders.Add(SippWebFactory.ClientIpHeader, "203.0.113.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync("/masuk", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task WithoutACertificateOrProxy_ProductionRefusesToStart()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, "notls");
        await using var factory = new SippWebFactory(database, "Production");

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("tanpa TLS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "password only")]
    [InlineData("http://127.0.0.1:5080", "certificate")]
    [InlineData("https://127.0.0.1:5443", "missing file")]
    [InlineData("https://127.0.0.1:5443", "password only")]
    public async Task ProductionRefusesToStart_UnlessHttpsIsActuallyServed(string urls, string certificate)
    {
        await using var setup = await CertificateSetupAsync(urls, certificate);

        var error = Assert.Throws<InvalidOperationException>(() => setup.Factory.Server);

        Assert.Contains("tanpa TLS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionStarts_WithAnHttpsAddressAndACertificateFile()
    {
        await using var setup = await CertificateSetupAsync("https://127.0.0.1:5443", "certificate");

        Assert.NotNull(setup.Factory.Server);
    }

    private static async Task<CertificateSetup> CertificateSetupAsync(string urls, string certificate)
    {
        var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, "tls-" + Guid.NewGuid().ToString("N")[..8]);
        var file = Path.Combine(Path.GetTempPath(), "sipp-tls-" + Guid.NewGuid().ToString("N") + ".pfx");
        using (var key = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=sipp.contoh.go.id", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(file, selfSigned.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "rahasia"), TestContext.Current.CancellationToken);
        }

        var settings = new Dictionary<string, string?> { ["urls"] = urls, ["Kestrel:Certificates:Default:Password"] = "rahasia" };
        if (certificate != "password only")
        {
            settings["Kestrel:Certificates:Default:Path"] = certificate == "missing file" ? file + ".hilang" : file;
        }

        return new CertificateSetup(new SippWebFactory(database, "Production", settings), database, file);
    }

    private sealed record CertificateSetup(SippWebFactory Factory, TestDatabase Database, string File) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Database.DisposeAsync();
            System.IO.File.Delete(File);
        }
    }

    private async Task<HttpResponseMessage> ViaProxy(HttpMethod method, string url)
    {
        var client = fixture.Factory.CreateDefaultClient(new Uri("http://localhost"));
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add(SippWebFactory.ClientIpHeader, Proxy);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        request.Headers.Add("X-Forwarded-Host", "sipp.contoh.go.id"); // HSTS is never sent to localhost
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public SippWebFactory Factory { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Factory = await SippWebFactory.CreateAsync(nameof(ProductionTests), environment: "Production", settings: new Dictionary<string, string?>
            {
                ["Security:ForwardedHeaders:Enabled"] = "true",
                ["Security:ForwardedHeaders:KnownProxies:0"] = Proxy,
            });
            _ = Factory.Server;
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
