using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Health;

/// <summary>Metrics for Prometheus from inside the network only, with the product's own; logs that give no personal data away.</summary>
public class ObservabilityTests
{
    [Fact]
    public async Task TheMetricsEndpoint_ServesPrometheus_FromAPrivateAddress_AndRefusesThePublic()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await SippWebFactory.CreateAsync(nameof(TheMetricsEndpoint_ServesPrometheus_FromAPrivateAddress_AndRefusesThePublic), settings: new Dictionary<string, string?>
        {
            ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false",
        }, environment: "Development");
        var browser = factory.NewBrowser();
        await browser.SignInAsHrdAsync(); // queues an OTP: a message counted by the product's meter

        var inside = factory.CreateClient();
        inside.DefaultRequestHeaders.Add(SippWebFactory.ClientIpHeader, "10.1.2.3");
        var outside = factory.CreateClient();
        outside.DefaultRequestHeaders.Add(SippWebFactory.ClientIpHeader, "203.0.113.9");
        var scrape = await inside.GetAsync("/metrics", ct);
        var text = await scrape.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("sipp_messages_queued_total", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await outside.GetAsync("/metrics", ct)).StatusCode);
    }

    [Fact]
    public async Task EveryTestHost_ReadsItsOwnLog_AtTheLevelsTheProductWrites()
    {
        await using var factory = await SippWebFactory.CreateAsync(nameof(EveryTestHost_ReadsItsOwnLog_AtTheLevelsTheProductWrites));
        var logger = factory.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("Sipp.Uji");

        Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(logger, "Debug, not written in production: {Nik}", "3171011705900001");
        Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Peserta {Nik} ditambahkan", "3171011705900001");

        Assert.Single(factory.LogGuard.Violations);
        factory.LogGuard.Violations.Clear(); // planted here: the host must not fail its disposal for it
    }

    [Theory]
    [InlineData("Peserta 3171011705900001 ditambahkan", "NIK")]
    [InlineData("SMS ke +6281234567890 gagal", "nomor handphone")]
    [InlineData("SMS ke 081234567890 gagal", "nomor handphone")]
    [InlineData("Kode OTP 482913 dikirim", "kode OTP")]
    [InlineData("Executed DbCommand (12ms) [Parameters=[@p0='?' (DbType = Guid)]]", null)]
    [InlineData("Daily bills: 0 late notices and 120000 reminders queued", null)]
    [InlineData("Seed: period 2026-02 of 10000001/000 paid with Kode Iuran 08571104291", null)]
    [InlineData("KPJ 62812345678 diverifikasi", null)]
    [InlineData("Opening connection to '/tmp/sipp-test-873eaa9383464430856285b2bd388c1d.db'", null)]
    public void TheLogGuard_KnowsPersonalDataWhenItSeesIt(string line, string? finding) =>
        Assert.Equal(finding, PersonalDataLogGuard.Finding(line));
}
