using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sipp.Browser.Tests.Accessibility;

/// <summary>What every page state must pass: axe-core finds nothing, and nothing is wider than the screen.</summary>
public static class PageChecks
{
    /// <summary>The phone the issue measured on.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The office PC the issue measured on.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    /// <summary>
    /// Opens the phone's collapsed menu and waits until Bootstrap has finished showing it: a click on a menu item while
    /// it still slides open can land on the item that was there a frame before (under CI load it did).
    /// </summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        var toggler = page.GetByRole(AriaRole.Button, new() { Name = "Buka menu" });
        if (await toggler.IsVisibleAsync())
        {
            await toggler.ClickAsync();
            await Assertions.Expect(page.Locator("#menu")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcollapse show\b"));
        }
    }

    /// <summary>The problems of the page as it is now, each as "state: rule — target"; empty when it passes.</summary>
    public static async Task<List<string>> ProblemsAsync(IPage page, string state)
    {
        var problems = new List<string>();
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            var targets = string.Join(" ; ", violation.Nodes.Take(3).Select(n => n.Target.ToString()));
            problems.Add($"{state}: axe {violation.Id} ({violation.Nodes.Length}×) — {targets}");
        }

        // A page wider than the screen scrolls sideways: the bill's right half hidden on a phone.
        var overflow = await page.EvaluateAsync<string?>(@"() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return null;
            const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1
                && !e.closest('.table-region, .dropdown-menu'));
            return document.documentElement.scrollWidth + ' px: ' + wide.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '')).join(', ');
        }");
        if (overflow is not null && page.ViewportSize is { } size && size.Width <= Phone.Width)
        {
            problems.Add($"{state}: wider than the screen, {overflow}");
        }

        return problems;
    }

    public static async Task AssertCleanAsync(IPage page, string state)
    {
        var problems = await ProblemsAsync(page, state);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
