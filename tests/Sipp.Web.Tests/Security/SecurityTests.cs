using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Security;

public class SecurityTests(SecurityTests.Fixture fixture) : IClassFixture<SecurityTests.Fixture>
{
    private readonly SippWebFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("/")]
    [InlineData("/masuk")]
    [InlineData("/daftar")]
    [InlineData("/api/v1/perusahaan/cari?npp=10000001&divisi=000")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        using var response = await _factory.NewBrowser().GetAsync(url, TestContext.Current.CancellationToken);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task SignedInPages_HaveNoInlineScriptsOrStyles()
    {
        var browser = _factory.NewBrowser();
        await browser.SignInAsHrdAsync();

        foreach (var url in new[] { "/", "/pilih-perusahaan", "/pengguna", "/tambah-perusahaan" })
        {
            var page = await HtmlPage.GetAsync(browser, url);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline <script> on {url}"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("[onclick],[onload],[onsubmit],[onchange]"));
        }
    }

    [Theory]
    [InlineData("/masuk", "Email=a%40b.co&Password=x")]
    [InlineData("/keluar", "")]
    [InlineData("/daftar", "Npp=10000001&Divisi=000")]
    [InlineData("/lupa-password", "Email=a%40b.co")]
    [InlineData("/bahasa", "culture=en-US")]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused(string url, string body)
    {
        var browser = _factory.NewBrowser();
        await HtmlPage.GetAsync(browser, "/masuk"); // has the antiforgery cookie, but the form token is missing

        using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _factory.WithoutRedirects(browser).PostAsync(url, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/iuran/2026-02", "")] // its forms post to named handlers only (Finalize, Cancel)
    [InlineData("/iuran/2026-02", "?handler=Hapus")]
    [InlineData("/tenaga-kerja", "")] // it has no POST at all
    public async Task APostNamingNoHandlerOfThePage_IsRefused_NotRenderedWithoutItsData(string url, string query)
    {
        var browser = _factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "000");
        var page = await HtmlPage.GetAsync(browser, url);
        var token = page.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!;

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Channel"] = "BNI_VA" });
        using var response = await _factory.WithoutRedirects(browser).PostAsync(url + query, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task TetapMasuk_WithoutTheAntiforgeryHeader_IsRefused()
    {
        var browser = _factory.NewBrowser();
        await browser.SignInAsHrdAsync();

        using var response = await browser.PostAsync("/akun/tetap-masuk", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SessionCookies_AreHttpOnlyAndSameSiteStrict()
    {
        var browser = _factory.NewBrowser();
        await browser.SignInAsHrdAsync();

        using var response = await browser.GetAsync("/pilih-perusahaan", TestContext.Current.CancellationToken);
        var cookies = UserJourney.CookiesOf(browser).ToDictionary(c => c.Name);
        Assert.True(cookies["Sipp.Sesi"].HttpOnly);
        Assert.True(cookies["Sipp.Af"].HttpOnly);
        var setCookie = string.Join("\n", response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(cookies["Sipp.Sesi"].Expires == DateTime.MinValue, "the session cookie must not outlive the browser");
    }

    [Fact]
    public async Task AUserCannotChooseADivisionTheyAreNotAMemberOf()
    {
        var (browser, foreignDivision) = await SignInAsMemberOfOneDivisionAsync();
        var choose = await HtmlPage.GetAsync(browser, "/pilih-perusahaan");
        var token = choose.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["divisionId"] = foreignDivision.ToString(), ["__RequestVerificationToken"] = token,
        });

        using var response = await _factory.WithoutRedirects(browser).PostAsync("/pilih-perusahaan", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akses-ditolak", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var home = await HtmlPage.GetAsync(browser, "/");
        Assert.DoesNotContain("CV Sinar Abadi", home.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdmin_CannotChangeAMembershipOfAnotherDivision_ByItsId()
    {
        var browser = _factory.NewBrowser();
        var choose = await browser.SignInAsHrdAsync();
        var users = await browser.ChooseCompanyAsync(choose, "10000002", "000");
        Guid foreignMembership;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            foreignMembership = await db.Memberships.Where(m => m.Division.Company.Npp == "10000001").Select(m => m.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        var page = await HtmlPage.GetAsync(browser, "/pengguna");
        var token = page.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["membershipId"] = foreignMembership.ToString(), ["role"] = "Pemantau", ["__RequestVerificationToken"] = token,
        });
        using var response = await _factory.WithoutRedirects(browser).PostAsync("/pengguna?handler=Role", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var check = _factory.Services.CreateAsyncScope();
        Assert.Equal(MembershipRole.Admin, await check.ServiceProvider.GetRequiredService<ObserverDbContext>().Memberships
            .Where(m => m.Id == foreignMembership).Select(m => m.Role).SingleAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(users);
    }

    [Fact]
    public async Task APemantau_IsRefusedTheAdminPage_AndAnonymousVisitorsAreSentToMasuk()
    {
        var anonymous = await _factory.WithoutRedirects(_factory.NewBrowser()).GetAsync("/pengguna", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/masuk", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var (browser, _) = await SignInAsMemberOfOneDivisionAsync(MembershipRole.Pemantau);
        Assert.Equal(HttpStatusCode.Forbidden, await browser.StatusOfAsync("/pengguna"));
    }

    [Fact]
    public async Task TheAdmin_ChangesARole_WithBeforeAndAfterInTheAudit_ButNotTheirOwn()
    {
        var (member, _) = await SignInAsMemberOfOneDivisionAsync(MembershipRole.Pemantau, "10000002");
        var browser = _factory.NewBrowser();
        var choose = await browser.SignInAsHrdAsync();
        await browser.ChooseCompanyAsync(choose, "10000002", "000");
        var page = await HtmlPage.GetAsync(browser, "/pengguna");
        var row = page.QuerySelectorAll("#daftar-pengguna tbody tr").Single(r => r.TextContent.Contains("pemantau.10000002.000@contoh.co.id", StringComparison.Ordinal));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!;
        form.QuerySelector("select")!.QuerySelectorAll("option").ToList().ForEach(o => o.RemoveAttribute("selected"));
        var operatorOption = form.QuerySelectorAll("option").Single(o => o.TextContent == "Operator");
        operatorOption.SetAttribute("selected", "selected");

        await form.SubmitAsync(browser, new Dictionary<string, string> { [$"Peran {row.Children[0].TextContent.Trim()}"] = "Operator" });

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var audit = await db.AuditEvents.Where(a => a.Action == "keanggotaan.ubahPeran").OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Pemantau", audit.Before, StringComparison.Ordinal);
        Assert.Contains("Operator", audit.After, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#daftar-pengguna tbody tr").Where(r => r.TextContent.Contains("(Anda)", StringComparison.Ordinal)).SelectMany(r => r.QuerySelectorAll("form")));
        Assert.NotNull(member);
    }

    [Fact]
    public async Task TheAdmin_DeactivatesAUser_OnlyAfterConfirming_AndTheUsersNextRequestIsRefused()
    {
        var (member, _) = await SignInAsMemberOfOneDivisionAsync(MembershipRole.Operator, "10000002");
        var admin = _factory.NewBrowser();
        await admin.ChooseCompanyAsync(await admin.SignInAsHrdAsync(), "10000002", "000");
        var page = await HtmlPage.GetAsync(admin, "/pengguna");
        var row = page.QuerySelectorAll("#daftar-pengguna tbody tr").Single(r => r.TextContent.Contains("operator.10000002.000@contoh.co.id", StringComparison.Ordinal));
        var deactivate = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelectorAll("form").Single(f => f.TextContent.Contains("Non Aktifkan", StringComparison.Ordinal));

        var asked = await HtmlPage.ParseAsync(await deactivate.SubmitAsync(admin));
        var beforeConfirming = await member.StatusOfAsync("/tenaga-kerja");
        await ((AngleSharp.Html.Dom.IHtmlFormElement)asked.QuerySelector("#konfirmasi-non-aktif-pengguna form")!).SubmitAsync(admin);

        Assert.Contains("tidak dapat lagi membuka divisi ini", asked.GetElementById("konfirmasi-non-aktif-pengguna")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, beforeConfirming);
        using var after = await _factory.WithoutRedirects(member).GetAsync("/tenaga-kerja", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task EveryEndpoint_NamesAPolicyOrAllowsAnonymousAccessExplicitly()
    {
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var unprotected = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName)
            .ToList();

        Assert.True(endpoints.Count > 20, "the endpoint list looks incomplete");
        Assert.Empty(unprotected);
    }

    [Fact]
    public async Task TheLanguageSwitch_ShowsTheLayoutInEnglish_AndBack()
    {
        var browser = _factory.NewBrowser();
        var page = await HtmlPage.GetAsync(browser, "/kalkulator");
        var toEnglish = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelectorAll("form[action='/bahasa']").Single();

        var english = await HtmlPage.ParseAsync(await toEnglish.SubmitAsync(browser));

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sign in", english.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/kalkulator", new Uri(english.Url).AbsolutePath);
        var back = (AngleSharp.Html.Dom.IHtmlFormElement)english.QuerySelectorAll("form[action='/bahasa']").Single();
        var indonesian = await HtmlPage.ParseAsync(await back.SubmitAsync(browser));
        Assert.Contains("Masuk", indonesian.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/kalkulator\r\nSet-Cookie: a=b")]
    [InlineData("/\u0007")]
    [InlineData("//penyerang.example/")]
    [InlineData("/\\penyerang.example/")]
    [InlineData("https://penyerang.example/")]
    public async Task TheLanguageSwitch_WithAMalformedReturnUrl_Answers400_NotAnError(string returnUrl)
    {
        var browser = _factory.NewBrowser();
        var page = await HtmlPage.GetAsync(browser, "/kalkulator");
        var token = page.QuerySelector("form[action='/bahasa'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token });

        using var response = await _factory.WithoutRedirects(browser).PostAsync("/bahasa", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnexpectedErrorOnAPage_ShowsTheIndonesianErrorPage_NotJson_WhileTheApiKeepsProblemDetails()
    {
        await using var broken = _factory.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.AddScoped<Sipp.Web.Features.Calculator.SimulateContribution.SimulateContributionHandler>(_ => throw new InvalidOperationException("rusak untuk uji"))));
        var client = broken.CreateClient();

        using var page = await client.GetAsync("/kalkulator", TestContext.Current.CancellationToken);
        using var content = new StringContent("""{ "periode": "2026-03", "upah": 5000000, "tanggalLahir": "1990-05-17" }""", System.Text.Encoding.UTF8, "application/json");
        using var api = await client.PostAsync("/api/v1/iuran/simulasi", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await HtmlPage.ParseAsync(page);
        Assert.Equal("Terjadi kesalahan", html.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("rusak untuk uji", html.Body!.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LupaPassword_AnswersTheSameForAnyEmail_AndTheLinkWorksOnce()
    {
        var browser = _factory.NewBrowser();
        var page = await HtmlPage.GetAsync(browser, "/lupa-password");

        var known = await HtmlPage.ParseAsync(await page.SubmitAsync(browser, new Dictionary<string, string> { ["Email"] = DevelopmentSeed.AdministratorEmail }));
        var unknown = await HtmlPage.ParseAsync(await page.SubmitAsync(browser, new Dictionary<string, string> { ["Email"] = "bukan.siapa@contoh.co.id" }));

        Assert.Equal(known.QuerySelector("main")!.TextContent, unknown.QuerySelector("main")!.TextContent);
        var link = await browser.LatestLinkAsync(DevelopmentSeed.AdministratorEmail);
        var reset = await HtmlPage.GetAsync(browser, link);
        var weak = await HtmlPage.ParseAsync(await reset.SubmitAsync(browser, new Dictionary<string, string> { ["Password Baru"] = "password1", ["Ulangi Password Baru"] = "password1" }));
        Assert.Contains("Password minimal 10 karakter.", weak.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        var done = await HtmlPage.ParseAsync(await reset.SubmitAsync(browser, new Dictionary<string, string> { ["Password Baru"] = "Sate-Madura-Enak-2026", ["Ulangi Password Baru"] = "Sate-Madura-Enak-2026" }));
        Assert.Equal("Password sudah diganti. Silakan masuk dengan password baru.", done.QuerySelector("[role=status]")!.TextContent.Trim());
        var reused = await HtmlPage.ParseAsync(await reset.SubmitAsync(browser, new Dictionary<string, string> { ["Password Baru"] = "Lain-Lagi-Password-77", ["Ulangi Password Baru"] = "Lain-Lagi-Password-77" }));
        Assert.Contains("sudah digunakan", reused.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A company user with one membership in <paramref name="npp"/>/000 (the fixture's); returns a division they do not belong to.</summary>
    private async Task<(HttpClient Browser, Guid ForeignDivision)> SignInAsMemberOfOneDivisionAsync(MembershipRole role = MembershipRole.Operator, string npp = "10000001")
    {
        var browser = _factory.NewBrowser();
        await fixture.SignInWithRoleAsync(browser, npp, "000", role);
        await using var scope = _factory.Services.CreateAsyncScope();
        var foreign = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Divisions.Where(d => d.Company.Npp != npp).Select(d => d.Id)
            .FirstAsync(TestContext.Current.CancellationToken);
        return (browser, foreign);
    }

    public sealed class Fixture : SeededWebFixture;
}
