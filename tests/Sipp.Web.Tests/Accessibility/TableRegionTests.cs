using System.Text.RegularExpressions;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Accessibility;

/// <summary>
/// Issue 16: on a phone the period page was 957 px wide and the bill unreadable. Every table of every view is written
/// with a region label, so it scrolls inside a named, focusable region instead of widening the page (the browser
/// tests walk the pages at 390 px; this catches a table on a page they do not reach).
/// </summary>
public partial class TableRegionTests
{
    [Fact]
    public void EveryTableOfEveryView_ScrollsInsideANamedRegion()
    {
        var views = Directory.GetFiles(Path.Combine(RepositoryFolder.Root(), "src", "Sipp.Web", "Features"), "*.cshtml", SearchOption.AllDirectories);
        var bare = views.SelectMany(view => TableTag().Matches(File.ReadAllText(view))
                .Where(tag => !tag.Value.Contains("region-label=\"", StringComparison.Ordinal))
                .Select(tag => $"{Path.GetFileName(Path.GetDirectoryName(view))}/{Path.GetFileName(view)}: {tag.Value}"))
            .ToList();

        Assert.NotEmpty(views);
        Assert.True(bare.Count == 0, string.Join(Environment.NewLine, bare));
    }

    [GeneratedRegex("<table[^>]*>")]
    private static partial Regex TableTag();
}
