using AngleSharp.Dom;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Security;

/// <summary>
/// An attacker tries to flood a phone with SMS through "Daftar" step 3, whose every post used to send a new code to any
/// typed number. The limits of Security:Otp hold per registration, per phone number and per client address.
/// </summary>
public class OtpFloodTests(OtpFloodTests.Fixture fixture) : IClassFixture<OtpFloodTests.Fixture>
{
    private const string BudiKpj = "90000000001", BudiName = "Budi Santoso", BudiBirth = "1990-05-17";
    private readonly SippWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task RepostingStep3_IsAResend_OnceAMinute_ThreeTimesAnHour_AndSaysWhenTheNextIsAllowed()
    {
        var browser = _factory.NewBrowser("10.1.0.1");
        const string victim = "+6281311110001";
        var step3 = await UpToStep3Async(browser, "banjir.satu@contoh.co.id");

        Assert.Equal("Verifikasi Nomor Handphone", (await PostStep3Async(browser, step3, victim)).QuerySelector("h1")!.TextContent.Trim());
        var again = await PostStep3Async(browser, step3, victim);
        Assert.Matches(@"Kode baru dapat diminta lagi dalam \d+ detik\.", Alert(again));
        Assert.Equal(1, await SmsCountAsync(browser, victim));

        for (var resend = 1; resend <= 3; resend++)
        {
            _factory.Clock.Advance(TimeSpan.FromSeconds(61));
            await PostStep3Async(browser, step3, victim);
        }

        Assert.Equal(4, await SmsCountAsync(browser, victim));
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var refused = await PostStep3Async(browser, step3, victim);
        Assert.Contains("sudah dikirim ulang 3 kali", Alert(refused), StringComparison.Ordinal);
        Assert.Matches(@"Kode berikutnya dapat diminta mulai \d+ \w+ \d{4} \d{2}\.\d{2} WIB\.", Alert(refused));
        Assert.Equal(4, await SmsCountAsync(browser, victim));

        // The "Kirim ulang kode" button of the OTP page is held by the same count.
        var otpPage = await HtmlPage.GetAsync(browser, "/daftar/verifikasi");
        var resendForm = (AngleSharp.Html.Dom.IHtmlFormElement)otpPage.QuerySelectorAll("form").First(f => f.TextContent.Contains("Kirim ulang", StringComparison.Ordinal));
        var resent = await HtmlPage.ParseAsync(await resendForm.SubmitAsync(browser));
        Assert.Contains("sudah dikirim ulang 3 kali", resent.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, await SmsCountAsync(browser, victim));
    }

    [Fact]
    public async Task TwentyConcurrentPostsOfStep3_SendOneCode()
    {
        var browser = _factory.NewBrowser("10.4.0.1");
        const string victim = "+6281311110004";
        var step3 = await UpToStep3Async(browser, "banjir.serentak@contoh.co.id");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostStep3Async(browser, step3, victim)));

        Assert.Equal(1, await SmsCountAsync(browser, victim));
    }

    [Fact]
    public async Task NewRegistrations_CannotFloodOnePhoneNumber_FromManyAddresses()
    {
        const string victim = "+6281311110002";
        for (var i = 0; i < Fixture.PerNumber; i++)
        {
            var attacker = _factory.NewBrowser($"10.2.0.{i + 1}");
            await PostStep3Async(attacker, await UpToStep3Async(attacker, $"banjir.nomor{i}@contoh.co.id"), victim);
        }

        var last = _factory.NewBrowser("10.2.1.1");
        var refused = await PostStep3Async(last, await UpToStep3Async(last, "banjir.nomor.akhir@contoh.co.id"), victim);

        Assert.Contains($"Nomor ini sudah menerima {Fixture.PerNumber} kode OTP dalam satu jam terakhir.", Alert(refused), StringComparison.Ordinal);
        Assert.Contains("Kode berikutnya dapat diminta mulai", Alert(refused), StringComparison.Ordinal);
        Assert.Equal(Fixture.PerNumber, await SmsCountAsync(last, victim));
    }

    [Fact]
    public async Task OneAddress_CannotSendCodesToManyNumbers()
    {
        for (var i = 0; i < Fixture.PerAddress; i++)
        {
            var attacker = _factory.NewBrowser("10.3.0.1");
            await PostStep3Async(attacker, await UpToStep3Async(attacker, $"banjir.alamat{i}@contoh.co.id"), $"+628131112{i:D4}");
        }

        var browser = _factory.NewBrowser("10.3.0.1");
        var refused = await PostStep3Async(browser, await UpToStep3Async(browser, "banjir.alamat.akhir@contoh.co.id"), "+6281311129999");

        Assert.Contains("Terlalu banyak permintaan kode OTP dari jaringan Anda", Alert(refused), StringComparison.Ordinal);
        Assert.Equal(0, await SmsCountAsync(browser, "+6281311129999"));
        var elsewhere = _factory.NewBrowser("10.3.0.2");
        Assert.Equal("Verifikasi Nomor Handphone", (await PostStep3Async(elsewhere, await UpToStep3Async(elsewhere, "banjir.lain@contoh.co.id"), "+6281311129999")).QuerySelector("h1")!.TextContent.Trim());
    }

    private static async Task<IDocument> UpToStep3Async(HttpClient browser, string email)
    {
        var step1 = await HtmlPage.GetAsync(browser, "/daftar");
        var step2 = await HtmlPage.ParseAsync(await step1.SubmitAsync(browser, new Dictionary<string, string> { ["NPP"] = "10000001", ["Divisi"] = "000" }));
        return await HtmlPage.ParseAsync(await step2.SubmitAsync(browser, new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = "Es-Cendol-Dingin-99", ["Ulangi Password"] = "Es-Cendol-Dingin-99",
        }));
    }

    private static async Task<IDocument> PostStep3Async(HttpClient browser, IDocument step3, string phone) =>
        await HtmlPage.ParseAsync(await step3.SubmitAsync(browser, new Dictionary<string, string>
        {
            ["Nomor Peserta (KPJ)"] = BudiKpj, ["Nama Lengkap"] = BudiName, ["Tanggal Lahir"] = BudiBirth, ["Nomor Handphone"] = phone,
        }));

    private static async Task<int> SmsCountAsync(HttpClient browser, string phone) =>
        (await browser.OutboxAsync()).Count(m => m.Channel == "sms" && m.To == phone);

    private static string Alert(IDocument page) => page.QuerySelector(".alert-danger")?.TextContent.Trim() ?? "(no error)";

    public sealed class Fixture : SeededWebFixture
    {
        public const int PerNumber = 4;
        public const int PerAddress = 5;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:Otp:MaxPerDestinationPerHour"] = PerNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security:Otp:MaxPerAddressPerHour"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
