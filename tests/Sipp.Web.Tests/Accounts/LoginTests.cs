using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Accounts;

public class LoginTests(LoginTests.Fixture fixture) : IClassFixture<LoginTests.Fixture>
{
    private readonly SippWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task PasswordThenOtp_SentBySmsAndEmail_ThenPilihPerusahaan_ShowsTheChosenCompanyInTheHeader()
    {
        var browser = _factory.NewBrowser();

        var otpPage = await browser.SubmitPasswordAsync(DevelopmentSeed.CompanyUserEmail, DevelopmentSeed.CompanyUserPassword);

        Assert.Equal("Verifikasi Masuk", otpPage.QuerySelector("h1")!.TextContent.Trim());
        var outbox = await browser.OutboxAsync();
        var email = outbox.First(m => m.Channel == "email" && m.To == DevelopmentSeed.CompanyUserEmail);
        var hrdPhone = await PhoneOfAsync(DevelopmentSeed.CompanyUserEmail);
        var sms = outbox.First(m => m.Channel == "sms" && m.To == hrdPhone);
        var code = await browser.LatestCodeAsync(DevelopmentSeed.CompanyUserEmail, "email");
        Assert.Contains(code, sms.Body, StringComparison.Ordinal); // the same code by both channels

        var choose = await HtmlPage.ParseAsync(await otpPage.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = code }));

        Assert.Equal("Pilih Perusahaan", choose.QuerySelector("h1")!.TextContent.Trim());
        var rows = choose.QuerySelectorAll("#daftar-perusahaan tbody tr").Select(r => $"{r.Children[0].TextContent.Trim()}/{r.Children[1].TextContent.Trim()}").ToList();
        Assert.Equal(["10000001/000", "10000001/001", "10000002/000"], rows);

        var home = await browser.ChooseCompanyAsync(choose, "10000001", "001");

        var header = home.QuerySelector("#perusahaan-aktif")!.TextContent;
        Assert.Contains("PT Maju Bersama", header, StringComparison.Ordinal);
        Assert.Contains("001 — Cabang Surabaya", header, StringComparison.Ordinal);
        Assert.NotNull(email);
    }

    [Fact]
    public async Task WrongPassword_AndUnknownEmail_GetExactlyTheSameAnswer()
    {
        var browser = _factory.NewBrowser();

        var wrongPassword = await browser.SubmitPasswordAsync(DevelopmentSeed.CompanyUserEmail, "salah-sekali-123");
        var unknownEmail = await browser.SubmitPasswordAsync("tidak.ada@contoh.co.id", "salah-sekali-123");

        Assert.Equal("Email atau password salah.", Alert(wrongPassword));
        Assert.Equal(Alert(wrongPassword), Alert(unknownEmail));
        Assert.Equal(wrongPassword.QuerySelector("main")!.TextContent, unknownEmail.QuerySelector("main")!.TextContent.Replace("tidak.ada@contoh.co.id", DevelopmentSeed.CompanyUserEmail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountFor15Minutes_EvenForTheRightPassword_UntilTheLockoutEnds()
    {
        var browser = _factory.NewBrowser();
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(Alert(await browser.SubmitPasswordAsync(DevelopmentSeed.OfficerEmail, "bukan-password-" + i)));
        }

        var rightPassword = await browser.SubmitPasswordAsync(DevelopmentSeed.OfficerEmail, DevelopmentSeed.OfficerPassword);

        Assert.All(answers[..4], a => Assert.Equal("Email atau password salah.", a));
        const string locked = "Terlalu banyak percobaan masuk yang gagal. Akun dikunci sementara selama 15 menit.";
        Assert.Equal(locked, answers[4]);
        Assert.Equal(locked, Alert(rightPassword));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var officer = (await users.FindByEmailAsync(DevelopmentSeed.OfficerEmail))!;
            Assert.InRange(officer.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
            Assert.True(await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.AnyAsync(a => a.Action == "akun.terkunci" && a.ActorUserId == officer.Id, TestContext.Current.CancellationToken));

            // Identity reads the wall clock for lockouts: the 15 minutes pass by moving the stored end.
            await users.SetLockoutEndDateAsync(officer, DateTimeOffset.UtcNow.AddSeconds(-1));
        }

        var afterLockout = await browser.SubmitPasswordAsync(DevelopmentSeed.OfficerEmail, DevelopmentSeed.OfficerPassword);
        Assert.Equal("Verifikasi Masuk", afterLockout.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ALockedAccount_CostsOnePasswordHash_LikeAnUnknownEmailOrAWrongPassword_SoItsAnswerTimeRevealsNothing()
    {
        // Hashing a password is what the answer time is made of (PBKDF2, tens of milliseconds); count it on each path.
        var hashes = new HashCounter();
        await using var counted = _factory.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.AddScoped<IPasswordHasher<AppUser>>(_ => new CountingHasher(new PasswordHasher<AppUser>(), hashes))));
        const string email = "terkunci.waktu@contoh.co.id";
        await using (var scope = counted.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Uji Kunci", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, "Pisang-Goreng-Hangat-5")).Succeeded);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var browser = counted.CreateClient();
        async Task<int> HashesForAsync(string tryEmail, string password)
        {
            var before = hashes.Count;
            await browser.SubmitPasswordAsync(tryEmail, password);
            return hashes.Count - before;
        }

        var locked = await HashesForAsync(email, "apa-saja-12345");
        var unknown = await HashesForAsync("tidak.terdaftar.waktu@contoh.co.id", "apa-saja-12345");
        var wrong = await HashesForAsync(DevelopmentSeed.AdministratorEmail, "apa-saja-12345");

        Assert.Equal((1, 1, 1), (locked, unknown, wrong));
    }

    private sealed class HashCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHasher(IPasswordHasher<AppUser> inner, HashCounter counter) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            counter.Add();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task AnUnknownEmail_IsLockedAfterFiveTries_WithTheSameMessage_SoLockoutRevealsNothing()
    {
        var browser = _factory.NewBrowser();
        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(Alert(await browser.SubmitPasswordAsync("siapa.saja@contoh.co.id", "bukan-password-" + i)));
        }

        Assert.All(answers[..4], a => Assert.Equal("Email atau password salah.", a));
        Assert.All(answers[4..], a => Assert.Equal("Terlalu banyak percobaan masuk yang gagal. Akun dikunci sementara selama 15 menit.", a));
    }

    [Fact]
    public async Task AWrongOtp_CountsDown_AndTheFifthWrongTryInvalidatesTheCode_EvenForTheRightCodeAfterwards()
    {
        var browser = _factory.NewBrowser();
        var otpPage = await browser.SubmitPasswordAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword);
        var code = await browser.LatestCodeAsync(DevelopmentSeed.AdministratorEmail, "email");
        var wrong = code == "000000" ? "111111" : "000000";

        var messages = new List<string>();
        var page = otpPage;
        for (var i = 0; i < 5; i++)
        {
            page = await HtmlPage.ParseAsync(await page.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = wrong }));
            messages.Add(page.GetElementById("KodeOtp-error")!.TextContent.Trim());
        }

        var right = await HtmlPage.ParseAsync(await page.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = code }));

        Assert.Equal("Kode OTP salah. Sisa percobaan: 4.", messages[0]);
        Assert.Equal("Kode OTP salah. Sisa percobaan: 1.", messages[3]);
        Assert.StartsWith("Kode OTP salah 5 kali dan tidak berlaku lagi.", messages[4], StringComparison.Ordinal);
        Assert.StartsWith("Kode OTP tidak berlaku lagi.", right.GetElementById("KodeOtp-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithoutRedirectAsync(browser, "/pilih-perusahaan")); // not signed in
    }

    [Fact]
    public async Task AnOtpOlderThanFiveMinutes_IsRefused_AndANewCodeWorks()
    {
        _factory.Clock.Advance(TimeSpan.FromHours(1)); // other tests of this class resend codes to the same account
        var browser = _factory.NewBrowser();
        var otpPage = await browser.SubmitPasswordAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword);
        var code = await browser.LatestCodeAsync(DevelopmentSeed.AdministratorEmail, "email");

        _factory.Clock.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(1)));
        var expired = await HtmlPage.ParseAsync(await otpPage.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = code }));

        Assert.StartsWith("Kode OTP sudah kedaluwarsa.", expired.GetElementById("KodeOtp-error")!.TextContent.Trim(), StringComparison.Ordinal);
        var resend = (AngleSharp.Html.Dom.IHtmlFormElement)expired.QuerySelectorAll("form").Single(f => f.QuerySelector("button")?.TextContent.Trim() == "Kirim ulang kode");
        var resent = await HtmlPage.ParseAsync(await resend.SubmitAsync(browser));
        Assert.Contains("Kode baru telah dikirim", resent.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var newCode = await browser.LatestCodeAsync(DevelopmentSeed.AdministratorEmail, "email");
        var home = await HtmlPage.ParseAsync(await resent.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = newCode }));
        Assert.Equal("/admin/aturan-iuran", new Uri(home.Url).AbsolutePath); // signed in: the administrator's own work
    }

    [Fact]
    public async Task Resend_IsAllowedOnceAMinute_AndThreeTimesAnHour()
    {
        _factory.Clock.Advance(TimeSpan.FromHours(1)); // earlier tests of this class sent codes to the same account
        var browser = _factory.NewBrowser();
        var page = await browser.SubmitPasswordAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword);
        var answers = new List<string>();

        async Task ResendAsync()
        {
            var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelectorAll("form").Single(f => f.QuerySelector("button")?.TextContent.Trim() == "Kirim ulang kode");
            page = await HtmlPage.ParseAsync(await form.SubmitAsync(browser));
            answers.Add(page.QuerySelector("[role=status]")!.TextContent.Trim());
        }

        await ResendAsync();                                  // within the first minute
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await ResendAsync();                                  // 1st resend
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await ResendAsync();                                  // 2nd
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await ResendAsync();                                  // 3rd
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await ResendAsync();                                  // 4th within the hour: refused

        Assert.StartsWith("Kode baru dapat diminta lagi dalam", answers[0], StringComparison.Ordinal);
        Assert.All(answers[1..4], a => Assert.StartsWith("Kode baru telah dikirim", a, StringComparison.Ordinal));
        Assert.StartsWith("Kode sudah dikirim ulang 3 kali dalam satu jam terakhir. Kode berikutnya dapat diminta mulai ", answers[4], StringComparison.Ordinal);
        Assert.EndsWith(" WIB.", answers[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Otps_AreStoredOnlyHashed()
    {
        var browser = _factory.NewBrowser();
        await browser.SubmitPasswordAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword);
        var code = await browser.LatestCodeAsync(DevelopmentSeed.AdministratorEmail, "email");

        await using var scope = _factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OneTimeCodes.OrderByDescending(c => c.CreatedAt)
            .FirstAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(code, stored.CodeHash, StringComparison.Ordinal);
        Assert.True(stored.CodeHash.Length > 40);
    }

    [Fact]
    public async Task TheNextLogin_OpensTheDivisionChosenLast_AndGreetsThePersonByName()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = _factory.NewBrowser();
        await first.ChooseCompanyAsync(await first.SignInAsHrdAsync(), "10000002", "000");
        var home = await HtmlPage.GetAsync(first, "/");
        await ((AngleSharp.Html.Dom.IHtmlFormElement)home.QuerySelectorAll("form[action='/keluar']").First()).SubmitAsync(first);

        var again = await _factory.NewBrowser().SignInAsHrdAsync();

        Assert.Equal("/", new Uri(again.Url).AbsolutePath); // Beranda, not Pilih Perusahaan
        Assert.Contains("10000002", again.GetElementById("perusahaan-aktif")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector("#perusahaan-aktif a[href='/pilih-perusahaan']")); // changed in one click
        await using var scope = _factory.Services.CreateAsyncScope();
        var name = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Users.Where(u => u.Email == DevelopmentSeed.CompanyUserEmail).Select(u => u.FullName).SingleAsync(ct);
        Assert.Equal($"Selamat datang, {name}", again.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(name, again.GetElementById("nama-pengguna")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheDivisionChosenLast_IsNotOpened_OnceTheUserIsNoLongerAMemberOfIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = _factory.NewBrowser();
        await first.ChooseCompanyAsync(await first.SignInAsHrdAsync(), "10000002", "000");
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var membership = await db.Memberships.SingleAsync(m => m.User.Email == DevelopmentSeed.CompanyUserEmail && m.Division.Company.Npp == "10000002" && m.Division.Code == "000", ct);
        membership.IsActive = false; // the company's Admin removed them
        await db.SaveChangesAsync(ct);
        try
        {
            var again = await _factory.NewBrowser().SignInAsHrdAsync();

            Assert.DoesNotContain("10000002", again.GetElementById("perusahaan-aktif")?.TextContent ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal("/pilih-perusahaan", new Uri(again.Url).AbsolutePath); // asked to choose among what is left
        }
        finally
        {
            membership.IsActive = true;
            await db.SaveChangesAsync(ct);
        }
    }

    [Fact]
    public async Task Keluar_EndsTheSessionAtOnce_AndIsAudited()
    {
        var browser = _factory.NewBrowser();
        await browser.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);
        var home = await HtmlPage.GetAsync(browser, "/");
        var logout = (AngleSharp.Html.Dom.IHtmlFormElement)home.QuerySelectorAll("form[action='/keluar']").First();

        Assert.Contains("no-store", (await browser.GetAsync("/", TestContext.Current.CancellationToken)).Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var keluar = await NoRedirect(browser).PostAsync("/keluar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = logout.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }), TestContext.Current.CancellationToken);
        // A shared office PC: the browser is told to drop its copies of Sipp's pages and any stored form data.
        Assert.Equal("\"cache\", \"storage\"", string.Join(", ", keluar.Headers.GetValues("Clear-Site-Data")));
        var after = await HtmlPage.GetAsync(browser, keluar.Headers.Location!.OriginalString);

        Assert.Equal("Anda telah keluar.", after.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithoutRedirectAsync(browser, "/pilih-perusahaan"));
        await using var scope = _factory.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains("login.berhasil", actions);
        Assert.Contains("otp.terkirim", actions);
        Assert.Contains("logout", actions);
    }

    [Fact]
    public async Task TheSession_EndsAfterFiveIdleMinutes_ActivityKeepsItAlive_AndTheStatusPollDoesNot()
    {
        var browser = _factory.NewBrowser();
        await browser.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);

        _factory.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, await StatusWithoutRedirectAsync(browser, "/pilih-perusahaan")); // activity
        _factory.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, await StatusWithoutRedirectAsync(browser, "/pilih-perusahaan")); // 8 minutes after login, alive
        _factory.Clock.Advance(TimeSpan.FromMinutes(4));
        var status = await browser.GetStringAsync("/akun/sesi", TestContext.Current.CancellationToken);  // does not extend
        Assert.Contains("\"sisaDetik\":60", status, StringComparison.Ordinal);
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));

        using var response = await NoRedirect(browser).GetAsync("/pilih-perusahaan", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/masuk", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // The tab was closed or the PC asleep, so no page script saw the time run out: Masuk still says why.
        var masuk = await HtmlPage.GetAsync(browser, response.Headers.Location!.PathAndQuery);
        Assert.Equal("Sesi Anda telah berakhir karena tidak ada aktivitas. Silakan masuk kembali.", masuk.QuerySelector("[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ACopyOfTheSessionCookie_ReplayedAfterKeluar_GetsTheLoginPage()
    {
        var browser = _factory.NewBrowser();
        await browser.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);
        var stolen = SessionCookie(browser);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(stolen, "/pilih-perusahaan")); // the copy works while signed in

        var home = await HtmlPage.GetAsync(browser, "/");
        await ((AngleSharp.Html.Dom.IHtmlFormElement)home.QuerySelectorAll("form[action='/keluar']").First()).SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(stolen, "/pilih-perusahaan"));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(stolen, "/admin/aturan-iuran"));
    }

    [Fact]
    public async Task ACopyOfTheSessionCookie_ReplayedAfterTheIdleTimeout_GetsTheLoginPage()
    {
        var browser = _factory.NewBrowser();
        await browser.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);
        var stolen = SessionCookie(browser);

        _factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(stolen, "/pilih-perusahaan"));
    }

    [Fact]
    public async Task ANewPassword_EndsEverySessionOfTheUser_AtOnce()
    {
        const string email = "ganti.password@contoh.co.id", password = "Bakso-Malang-Pedas-11";
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Uji Sesi", CreatedAt = DateTime.UtcNow }, password)).Succeeded);
        }

        var browser = _factory.NewBrowser();
        await browser.SignInAsync(email, password, phone: null);
        var stolen = SessionCookie(browser);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(stolen, "/pilih-perusahaan"));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var other = _factory.NewBrowser();
            var reset = await HtmlPage.GetAsync(other, $"/reset-password?u={user.Id}&t={Uri.EscapeDataString(token)}");
            var done = await reset.SubmitAsync(other, new Dictionary<string, string> { ["Password Baru"] = "Kopi-Tubruk-Pagi-77", ["Ulangi Password Baru"] = "Kopi-Tubruk-Pagi-77" });
            Assert.Contains("Status=reset", done.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(stolen, "/pilih-perusahaan"));
    }

    private static string SessionCookie(HttpClient browser) =>
        UserJourney.CookiesOf(browser).Single(c => c.Name == "Sipp.Sesi").Value;

    /// <summary>A request from another machine carrying only a copy of the session cookie.</summary>
    private async Task<HttpStatusCode> ReplayAsync(string sessionCookie, string url)
    {
        using var attacker = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", "Sipp.Sesi=" + sessionCookie);
        using var response = await attacker.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/masuk", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    private static string Alert(AngleSharp.Dom.IDocument page) => page.QuerySelector(".alert-danger")?.TextContent.Trim() ?? "(no error)";

    private async Task<string> PhoneOfAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.PhoneNumber!;
    }

    private HttpClient NoRedirect(HttpClient browser) => _factory.WithoutRedirects(browser);

    private async Task<HttpStatusCode> StatusWithoutRedirectAsync(HttpClient browser, string url)
    {
        using var response = await NoRedirect(browser).GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    public sealed class Fixture : SeededWebFixture;
}
