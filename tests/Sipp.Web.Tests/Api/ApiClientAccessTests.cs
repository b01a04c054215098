using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Issue 18, items 1–2: a company Admin makes an API client on "Akses API" (the secret shown once, stored hashed); the
/// client gets a short-lived token by OAuth client credentials and reads only the divisions it was granted, each scope
/// enforced; revoking it or its end date refuses the very token it holds at the next call — on each database.
/// </summary>
public class ApiClientAccessTests
{
    [Theory]
    [DatabaseData]
    public async Task AClientMadeOnAksesApi_ReadsOnlyItsDivisions_WithItsScopes_AndIsRefusedOnceRevokedOrExpired(DatabaseProvider provider)
    {
        await using var factory = await SippWebFactory.CreateAsync(nameof(AClientMadeOnAksesApi_ReadsOnlyItsDivisions_WithItsScopes_AndIsRefusedOnceRevokedOrExpired), provider, "Development",
            new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false", ["RateLimits:Login:PermitLimit"] = "100000", ["RateLimits:Otp:PermitLimit"] = "100000", ["RateLimits:LoginPerAccount:PermitLimit"] = "100000" });
        var admin = factory.NewBrowser();
        await admin.ChooseCompanyAsync(await admin.SignInAsHrdAsync(), "10000001", "000");

        // Made on the page: the secret is shown once and kept only as a hash.
        var (page, created) = await CreateClientAsync(admin, "Payroll Uji", ["pekerja:baca"], ["000"], "01/03/2027");
        var (clientId, secret) = (created.GetElementById("client-id")!.TextContent, created.GetElementById("client-secret")!.TextContent);
        Assert.StartsWith("sipp-", clientId, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40, secret);
        Assert.DoesNotContain(secret, (await HtmlPage.GetAsync(admin, "/pengguna/akses-api")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await StoredTextsContainingAsync(factory, secret));

        // Client credentials: a token for the granted scope; a wrong secret and a scope not granted are refused.
        var api = factory.CreateClient();
        var token = await TokenAsync(api, clientId, secret);
        Assert.True(token.GetProperty("expires_in").GetInt32() <= 900);
        Assert.Equal("invalid_client", (await TokenErrorAsync(api, clientId, secret + "x")).GetProperty("error").GetString());
        var notGranted = await TokenErrorAsync(api, clientId, secret, scope: "iuran:kelola");
        Assert.True(notGranted.GetProperty("error").GetString() is "invalid_scope" or "invalid_request", notGranted.ToString());
        Assert.Contains("scope", notGranted.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);
        Authorise(api, token);

        // Only the granted division; another company's, another of its own company's, and an unknown one answer alike.
        var divisions = await api.GetFromJsonAsync<JsonElement>("/api/v1/divisi/", TestContext.Current.CancellationToken);
        ApiExampleShape.AssertMatches("DaftarDivisi", divisions);
        Assert.Equal(["10000001-000"], divisions.EnumerateArray().Select(d => d.GetProperty("divisi").GetString()));
        var refusals = new List<string>();
        foreach (var other in new[] { "10000002-000", "10000001-001", "99999999-000" })
        {
            using var response = await api.GetAsync($"/api/v1/divisi/{other}/tenaga-kerja", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>(TestContext.Current.CancellationToken);
            problem!.Remove("traceId"); // each request's own
            refusals.Add(JsonSerializer.Serialize(problem));
        }

        Assert.Single(refusals.Distinct());

        // The list, page by page with the cursor: every worker of the division once, identity numbers masked.
        var seen = new List<JsonElement>();
        string? next = null;
        do
        {
            var answer = await api.GetFromJsonAsync<JsonElement>($"/api/v1/divisi/10000001-000/tenaga-kerja?jumlah=7{(next is null ? "" : "&setelah=" + next)}", TestContext.Current.CancellationToken);
            ApiExampleShape.AssertMatches("DaftarTenagaKerja", answer);
            seen.AddRange(answer.GetProperty("data").EnumerateArray());
            next = answer.GetProperty("berikutnya").GetString();
        }
        while (next is not null);

        var expected = await WorkerCountAsync(factory, "10000001", "000");
        Assert.Equal(expected, seen.Count);
        Assert.Equal(expected, seen.Select(w => w.GetProperty("kpj").GetString() + w.GetProperty("identitas").GetString()).Distinct().Count());
        Assert.All(seen, w => Assert.DoesNotMatch(@"\d{16}", w.GetProperty("identitas").GetString() ?? string.Empty));
        var active = await api.GetFromJsonAsync<JsonElement>("/api/v1/divisi/10000001-000/tenaga-kerja?status=aktif&jumlah=1000", TestContext.Current.CancellationToken);
        Assert.All(active.GetProperty("data").EnumerateArray(), w => Assert.Equal("aktif", w.GetProperty("status").GetString()));
        using (var badStatus = await api.GetAsync("/api/v1/divisi/10000001-000/tenaga-kerja?status=keluar", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
            Assert.True((await badStatus.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").TryGetProperty("status", out _));
        }

        var one = seen.First(w => w.GetProperty("kpj").GetString() is not null);
        var byKpj = await api.GetFromJsonAsync<JsonElement>($"/api/v1/divisi/10000001-000/tenaga-kerja/{one.GetProperty("kpj").GetString()}", TestContext.Current.CancellationToken);
        ApiExampleShape.AssertMatches("TenagaKerja", byKpj);
        Assert.Equal(one.GetProperty("nama").GetString(), byKpj.GetProperty("nama").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/divisi/10000001-000/tenaga-kerja/99999999999", TestContext.Current.CancellationToken)).StatusCode);

        // A client with another scope may not read workers; the page shows when each was last used.
        var (_, reportsOnly) = await CreateClientAsync(admin, "Laporan Saja", ["laporan:baca"], ["000"], "01/03/2027");
        var reports = factory.CreateClient();
        Authorise(reports, await TokenAsync(reports, reportsOnly.GetElementById("client-id")!.TextContent, reportsOnly.GetElementById("client-secret")!.TextContent));
        Assert.Equal(HttpStatusCode.Forbidden, (await reports.GetAsync("/api/v1/divisi/10000001-000/tenaga-kerja", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain("belum pernah", Row(await HtmlPage.GetAsync(admin, "/pengguna/akses-api"), clientId).TextContent, StringComparison.Ordinal);

        // Another company's client cannot be revoked from here; this one is, after a confirmation, and its token stops at once.
        var sinar = factory.NewBrowser();
        await sinar.ChooseCompanyAsync(await sinar.SignInAsHrdAsync(), "10000002", "000");
        await CreateClientAsync(sinar, "Payroll Sinar", ["pekerja:baca"], ["000"], "01/03/2027");
        var sinarClient = await ClientIdAsync(factory, "Payroll Sinar");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, "Revoke", new() { ["id"] = sinarClient.ToString(), ["konfirmasi"] = "ya" })).StatusCode);
        Assert.Null(await RevokedAtAsync(factory, sinarClient));
        var own = await ClientIdAsync(factory, "Payroll Uji");
        var asked = await HtmlPage.ParseAsync(await PostAsync(admin, "Revoke", new() { ["id"] = own.ToString() }));
        Assert.Contains(clientId, asked.GetElementById("konfirmasi-cabut")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/divisi/", TestContext.Current.CancellationToken)).StatusCode);
        await PostAsync(admin, "Revoke", new() { ["id"] = own.ToString(), ["konfirmasi"] = "ya" });
        using (var afterRevoke = await api.GetAsync("/api/v1/divisi/", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
            Assert.Contains("dicabut atau kedaluwarsa", await afterRevoke.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Equal("invalid_client", (await TokenErrorAsync(factory.CreateClient(), clientId, secret)).GetProperty("error").GetString());
        Assert.True(await AuditedAsync(factory, "apiKlien.cabut"));

        // An end date: the client works until the day ends in Jakarta, then its token and new tokens are refused.
        var (_, shortLived) = await CreateClientAsync(admin, "Sampai Besok", ["pekerja:baca"], ["000"], "03/03/2026");
        var (shortId, shortSecret) = (shortLived.GetElementById("client-id")!.TextContent, shortLived.GetElementById("client-secret")!.TextContent);
        var expiring = factory.CreateClient();
        Authorise(expiring, await TokenAsync(expiring, shortId, shortSecret));
        Assert.Equal(HttpStatusCode.OK, (await expiring.GetAsync("/api/v1/divisi/", TestContext.Current.CancellationToken)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expiring.GetAsync("/api/v1/divisi/", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("invalid_client", (await TokenErrorAsync(factory.CreateClient(), shortId, shortSecret)).GetProperty("error").GetString());
    }

    /// <summary>A client made on "Akses API" by <paramref name="admin"/>, as an HTTP client holding its token.</summary>
    internal static async Task<HttpClient> ApiAsync(SippWebFactory factory, HttpClient admin, string name, string[] scopes, string division = "000")
    {
        var (_, created) = await CreateClientAsync(admin, name, scopes, [division], "01/03/2027");
        var api = factory.CreateClient();
        Authorise(api, await TokenAsync(api, created.GetElementById("client-id")!.TextContent, created.GetElementById("client-secret")!.TextContent));
        return api;
    }

    internal static async Task<(IDocument Form, IDocument Created)> CreateClientAsync(HttpClient admin, string name, string[] scopes, string[] divisionCodes, string until)
    {
        var form = await HtmlPage.GetAsync(admin, "/pengguna/akses-api");
        var values = new List<KeyValuePair<string, string>> { new("Nama", name), new("BerlakuSampai", until) };
        values.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Izin", s)));
        foreach (var code in divisionCodes)
        {
            var box = form.QuerySelectorAll("input[name=Divisi]").Single(b => form.QuerySelector($"label[for='{b.Id}']")!.TextContent.StartsWith(code, StringComparison.Ordinal));
            values.Add(new("Divisi", box.GetAttribute("value")!));
        }

        values.Add(new("__RequestVerificationToken", form.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!));
        var created = await HtmlPage.ParseAsync(await admin.PostAsync("/pengguna/akses-api?handler=Create", new FormUrlEncodedContent(values), TestContext.Current.CancellationToken));
        Assert.True(created.GetElementById("client-secret") is not null, created.GetElementById("ringkasan-galat")?.TextContent ?? created.Body!.TextContent[..200]);
        return (form, created);
    }

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string handler, Dictionary<string, string> values)
    {
        var form = await HtmlPage.GetAsync(admin, "/pengguna/akses-api");
        values["__RequestVerificationToken"] = form.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!;
        return await admin.PostAsync($"/pengguna/akses-api?handler={handler}", new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    internal static async Task<JsonElement> TokenAsync(HttpClient api, string clientId, string secret)
    {
        using var response = await api.PostAsync("/connect/token", TokenRequest(clientId, secret, null), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        return body;
    }

    private static async Task<JsonElement> TokenErrorAsync(HttpClient api, string clientId, string secret, string? scope = null)
    {
        using var response = await api.PostAsync("/connect/token", TokenRequest(clientId, secret, scope), TestContext.Current.CancellationToken);
        Assert.False(response.IsSuccessStatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static FormUrlEncodedContent TokenRequest(string clientId, string secret, string? scope) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope ?? string.Empty,
    }.Where(p => p.Value.Length > 0));

    internal static void Authorise(HttpClient api, JsonElement token) =>
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());

    private static IElement Row(IDocument page, string clientId) =>
        page.QuerySelectorAll("#daftar-klien-api tbody tr").Single(r => r.TextContent.Contains(clientId, StringComparison.Ordinal));

    /// <summary>Every stored text of the OAuth applications and Sipp's clients that holds <paramref name="text"/>.</summary>
    private static async Task<List<string>> StoredTextsContainingAsync(SippWebFactory factory, string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var applications = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>>()
            .Select(a => a.ClientSecret + "|" + a.Properties + "|" + a.Permissions).ToListAsync(TestContext.Current.CancellationToken);
        var audit = await db.AuditEvents.Select(a => a.After ?? string.Empty).ToListAsync(TestContext.Current.CancellationToken);
        return applications.Concat(audit).Where(t => t.Contains(text, StringComparison.Ordinal)).ToList();
    }

    private static async Task<int> WorkerCountAsync(SippWebFactory factory, string npp, string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
            .CountAsync(e => e.Division.Company.Npp == npp && e.Division.Code == code, TestContext.Current.CancellationToken);
    }

    internal static async Task<Guid> ClientIdAsync(SippWebFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ApiClients.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<DateTime?> RevokedAtAsync(SippWebFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ApiClients.Where(c => c.Id == id).Select(c => c.RevokedAt).SingleAsync(TestContext.Current.CancellationToken);
    }

    internal static async Task<bool> AuditedAsync(SippWebFactory factory, string action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.AnyAsync(a => a.Action == action, TestContext.Current.CancellationToken);
    }

    internal static async Task<Guid> DivisionIdAsync(SippWebFactory factory, string npp, string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Divisions.Where(d => d.Company.Npp == npp && d.Code == code).Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>"Akses API" refuses, field by field, what an Admin may not give; only an Admin reaches it.</summary>
public class ApiClientFormTests(SeededWebFixture fixture) : IClassFixture<SeededWebFixture>
{
    [Fact]
    public async Task TheForm_RefusesWhatAnAdminMayNotGive_WithAnIndonesianMessagePerField()
    {
        var factory = fixture.Factory;
        var admin = await fixture.HrAsync("10000001", "000");
        var otherCompany = await ApiClientAccessTests.DivisionIdAsync(factory, "10000002", "000"); // the HR user is Admin there, but it is another company

        var page = await HtmlPage.ParseAsync(await ApiClientAccessTests.PostAsync(admin, "Create", new() { ["Nama"] = " ", ["Izin"] = "semua:boleh", ["Divisi"] = otherCompany.ToString(), ["BerlakuSampai"] = "01/03/2031" }));

        var summary = page.GetElementById("ringkasan-galat")!.TextContent;
        Assert.Contains("Nama klien wajib diisi", summary, StringComparison.Ordinal);
        Assert.Contains("Pilih sedikitnya satu izin", summary, StringComparison.Ordinal);
        Assert.Contains("Pilih sedikitnya satu divisi tempat Anda menjadi Admin", summary, StringComparison.Ordinal);
        Assert.Contains("paling lama 2 tahun", summary, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("client-secret"));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ApiClients.AnyAsync(TestContext.Current.CancellationToken));

        var operatorBrowser = factory.NewBrowser();
        await fixture.SignInWithRoleAsync(operatorBrowser, "10000001", "000", Sipp.Data.Accounts.MembershipRole.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, await operatorBrowser.StatusOfAsync("/pengguna/akses-api"));
    }
}

/// <summary>Issue 18, item 8: each client has its own budget of calls (429 with Retry-After past it); another client is not slowed.</summary>
public class ApiRateLimitTests(ApiRateLimitTests.Fixture fixture) : IClassFixture<ApiRateLimitTests.Fixture>
{
    [Fact]
    public async Task AClientPastItsLimit_Gets429WithRetryAfter_AndAnotherClientIsServed()
    {
        var admin = await fixture.HrAsync("10000001", "000");
        var first = await ClientAsync(admin, "Cepat Sekali");
        var second = await ClientAsync(admin, "Sabar");

        for (var call = 0; call < 3; call++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/divisi/", TestContext.Current.CancellationToken)).StatusCode);
        }

        using var refused = await first.GetAsync("/api/v1/divisi/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Terlalu banyak permintaan", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/divisi/", TestContext.Current.CancellationToken)).StatusCode);
    }

    private Task<HttpClient> ClientAsync(HttpClient admin, string name) => ApiClientAccessTests.ApiAsync(fixture.Factory, admin, name, ["pekerja:baca"]);

    public sealed class Fixture : SeededWebFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Api:PermitLimit"] = "3", ["RateLimits:Api:Window"] = "00:10:00" };
    }
}

/// <summary>The token endpoint is limited per address, as password logins are: guessing secrets from one address stops.</summary>
public class TokenRateLimitTests(TokenRateLimitTests.Fixture fixture) : IClassFixture<TokenRateLimitTests.Fixture>
{
    [Fact]
    public async Task OneAddress_AskingForTokensPastTheLoginLimit_Gets429WithRetryAfter_AndAnotherAddressIsServed()
    {
        var admin = await fixture.HrAsync("10000001", "000");
        var (_, created) = await ApiClientAccessTests.CreateClientAsync(admin, "Tebak Rahasia", ["pekerja:baca"], ["000"], "01/03/2027");
        var clientId = created.GetElementById("client-id")!.TextContent;
        var guesser = Client("10.9.9.9");
        for (var guess = 0; guess < Limit; guess++)
        {
            using var wrong = await guesser.PostAsync("/connect/token", Request(clientId, "tebakan-" + guess), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode); // invalid_client, each counted
        }

        using var refused = await guesser.PostAsync("/connect/token", Request(clientId, created.GetElementById("client-secret")!.TextContent), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode); // even the right secret, from this address, for now
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ApiClientAccessTests.TokenAsync(Client("10.9.9.10"), clientId, created.GetElementById("client-secret")!.TextContent);
    }

    private const int Limit = 8;

    private HttpClient Client(string address)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add(SippWebFactory.ClientIpHeader, address);
        return client;
    }

    private static FormUrlEncodedContent Request(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
    });

    public sealed class Fixture : SeededWebFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:Login:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), ["RateLimits:Login:Window"] = "00:10:00",
        };
    }
}
