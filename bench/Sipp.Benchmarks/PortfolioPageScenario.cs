using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// "Portofolio Klien" as the bureau's staff member gets it: the real host (in process, Development, its middleware,
/// authorization, the page rendering its 200 rows and their "Buka" forms) on the same data as
/// <see cref="PortfolioScenario"/>, signed in through Masuk with the password and the OTP from the development outbox.
/// Each request is checked (200, one row per client division).
/// </summary>
public static partial class PortfolioPageScenario
{
    public static async Task RunAsync(string provider, int divisions, int iterations)
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        await PortfolioScenario.SeedAsync(database, divisions);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Seed"] = "false", ["Notifications:DispatchInBackground"] = "false", ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimits:Login:PermitLimit"] = "100000", ["RateLimits:Otp:PermitLimit"] = "100000", ["RateLimits:LoginPerAccount:PermitLimit"] = "100000",
        };
        // The host finds its content root through the manifest beside this program (as in the tests, whose runner starts there).
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var host = new SippWebFactory(database, "Development", settings, ownsDatabase: false) { UseSystemClock = true };
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        await SignInAsync(browser);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Portofolio Klien page over HTTP (in-process host), {divisions} client divisions (+{4 * divisions} not granted), {database.Provider}"));
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < iterations + 3; i++)
        {
            var timer = Stopwatch.StartNew();
            using var response = await browser.GetAsync("/biro/portofolio");
            var html = await response.Content.ReadAsStringAsync();
            timer.Stop();
            var rows = Regex.Count(html, "<tr data-divisi=");
            if (!response.IsSuccessStatusCode || rows != divisions)
            {
                throw new InvalidOperationException($"HTTP {(int)response.StatusCode}, {rows} rows.");
            }

            if (i >= 3)
            {
                times.Add(timer.Elapsed.TotalMilliseconds);
                bytes = html.Length;
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  p50 {times[times.Count / 2],6:F1} ms   p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1],6:F1} ms   max {times[^1],6:F1} ms   ({iterations} requests after 3 warm-up; {bytes / 1024} KB of HTML)"));
    }

    /// <summary>Masuk: the password, then the OTP the development outbox holds for the account's email.</summary>
    private static async Task SignInAsync(HttpClient browser)
    {
        var login = await browser.GetStringAsync("/masuk");
        using var password = await browser.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = PortfolioScenario.StaffEmail, ["Password"] = PortfolioScenario.StaffPassword, ["__RequestVerificationToken"] = Token(login),
        }));
        var otpPage = await password.Content.ReadAsStringAsync();
        var outbox = await browser.GetFromJsonAsync<List<Message>>("/dev/outbox.json");
        var code = SixDigits().Match(outbox!.First(m => m.Channel == "email" && m.To == PortfolioScenario.StaffEmail).Body).Value;
        using var verified = await browser.PostAsync(password.RequestMessage!.RequestUri!.PathAndQuery.Split('?')[0] + "?handler=Verify" + "&" + (password.RequestMessage.RequestUri.Query.TrimStart('?')),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["KodeOtp"] = code, ["__RequestVerificationToken"] = Token(otpPage) }));
        if (!verified.IsSuccessStatusCode || verified.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/masuk", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Not signed in: ended on {verified.RequestMessage!.RequestUri}.");
        }
    }

    private static string Token(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    private sealed record Message(string Channel, string To, string Body);

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
