using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sipp.Web.Infrastructure.Data;

namespace Sipp.Browser.Tests.Accessibility;

/// <summary>
/// Issue 16: every page a user reaches by links — HR, officer, administrator and a visitor — on a phone (HR's and the
/// visitor's in both languages), and HR's on a desktop too, where the menu shows on the green header: axe-core finds
/// no violation and no page scrolls sideways. One page per address shape (a worker's page stands for all workers').
/// </summary>
public partial class EveryPageTests(EveryPageTests.Fixture fixture) : IClassFixture<EveryPageTests.Fixture>
{
    [Theory]
    [InlineData("hrd", "id-ID")]
    [InlineData("hrd", "en-US")]
    [InlineData("hrd-desktop", "id-ID")] // the open menu on the green header: one language is enough for its colours
    [InlineData("petugas", "id-ID")]
    [InlineData("admin", "id-ID")]
    [InlineData("tamu", "id-ID")]
    [InlineData("tamu", "en-US")]
    public async Task EveryLinkedPage_IsAccessibleAndFitsTheScreen(string user, string culture)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(), Locale = culture,
            ViewportSize = user.EndsWith("-desktop", StringComparison.Ordinal) ? PageChecks.Desktop : PageChecks.Phone,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        switch (user)
        {
            case "hrd" or "hrd-desktop":
                await fixture.SignInAsHrdAsync(page, "PT Maju Bersama", "000");
                break;
            case "petugas":
                await fixture.SignInAsync(page, DevelopmentSeed.OfficerEmail, DevelopmentSeed.OfficerPassword);
                break;
            case "admin":
                await fixture.SignInAsync(page, DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword);
                break;
        }

        if (culture != "id-ID")
        {
            await page.GotoAsync("/");
            await PageChecks.OpenMenuAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        var problems = new List<string>();
        var seen = new HashSet<string> { Shape("/") };
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0)
        {
            var address = queue.Dequeue();
            var response = await page.GotoAsync(address);
            if (response is null || !response.Ok || !(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }

            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            problems.AddRange(await PageChecks.ProblemsAsync(page, address));
            foreach (var href in await page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                var link = href.Split('#')[0];
                var path = link.Split('?')[0];
                if (path.Length > 0 && !Skipped().IsMatch(path) && seen.Add(Shape(path)))
                {
                    queue.Enqueue(link);
                }
            }
        }

        Assert.True(problems.Count == 0, $"{seen.Count} pages, problems:{Environment.NewLine}" + string.Join(Environment.NewLine, problems));
    }

    /// <summary>One address per shape: numbers, ids and periods stand for any.</summary>
    private static string Shape(string path) => Variable().Replace(path, "{}");

    [GeneratedRegex(@"(?<=/)([0-9a-f]{8}-[0-9a-f-]{27}|\d{4}-\d{2}|\d+)(?=/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Variable();

    /// <summary>Downloads and development tools are not pages.</summary>
    [GeneratedRegex(@"\.(pdf|xlsx|csv|zip|json|gz)$|^/dev/|^/laporan/\d{4}-\d{2}/|^/keluar", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();

    /// <summary>With the demo API client and its webhook, so "Akses API" is walked with its webhooks, log and forms.</summary>
    public sealed class Fixture : BrowserFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:SeedDemoApiClient"] = "true", ["Database:SeedDemoBureau"] = "true" };
    }
}
