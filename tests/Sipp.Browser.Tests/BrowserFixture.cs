using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Browser.Tests;

/// <summary>
/// Sipp on real Kestrel (Development, demo data, its own SQLite database) and Debian's Chromium driven by Playwright
/// through ExecutablePath — no browser download.
/// </summary>
public partial class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public SippWebFactory Factory { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Database:Seed"] = "true" };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, GetType().Name);
        Factory = new SippWebFactory(database, "Development", settings) { UseSystemClock = true };
        Factory.UseKestrel(0);
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: apt-get install -y chromium");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "id-ID" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>The newest message of the development outbox to <paramref name="to"/>, read like a developer would.</summary>
    public async Task<string> OutboxBodyAsync(string to, string channel)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var messages = await http.GetFromJsonAsync<List<OutboxItem>>("/dev/outbox.json");
        return messages!.First(m => m.Channel == channel && m.To == to).Body;
    }

    /// <summary>"Masuk" with password and the OTP sent by email (the seed's users get their codes there).</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.GetByLabel("Kode OTP").FillAsync(await LatestCodeAsync(email, "email"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
    }

    /// <summary>The seed's HR user, signed in and working in <paramref name="company"/>'s <paramref name="division"/>.</summary>
    public async Task SignInAsHrdAsync(IPage page, string company, string division = "000")
    {
        await SignInAsync(page, DevelopmentSeed.CompanyUserEmail, DevelopmentSeed.CompanyUserPassword);
        await ChooseCompanyAsync(page, company, division);
    }

    /// <summary>Pilih Perusahaan, opened from the menu's address (the login may have gone straight to the division chosen
    /// last time, which has no "Pilih" button then).</summary>
    public static async Task ChooseCompanyAsync(IPage page, string name, string division)
    {
        await page.WaitForLoadStateAsync();
        await page.GotoAsync("/pilih-perusahaan");
        var choose = page.GetByRole(AriaRole.Button, new() { Name = $"Pilih {name} divisi {division}" });
        if (await choose.CountAsync() == 0)
        {
            await page.GotoAsync("/"); // already open: the login opened the division chosen last
            return;
        }

        await choose.ClickAsync();
    }

    public async Task<string> LatestCodeAsync(string to, string channel = "sms") => SixDigits().Match(await OutboxBodyAsync(to, channel)).Value;

    public async Task<string> LatestLinkAsync(string to) => Link().Match(await OutboxBodyAsync(to, "email")).Value;

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    private sealed record OutboxItem(string Channel, string To, string? Subject, string Body);
}
