using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Sipp.Web.Tests.Localization;

/// <summary>What both catalogues of English (page texts and messages) must satisfy against the wordings found in the sources.</summary>
internal static partial class EnglishCatalogue
{
    public static void AssertCovers(string resxPath, IReadOnlySet<string> used)
    {
        var entries = XDocument.Load(resxPath).Root!.Elements("data").ToList();
        // The resource compiler keeps one of two names that differ only in case, so the other text would show untranslated.
        var clashes = entries.GroupBy(d => (string)d.Attribute("name")!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(clashes.Count == 0, "Names differing only in case: " + string.Join(" | ", clashes));
        var english = entries.ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

        var missing = used.Where(key => !english.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} without English:{Environment.NewLine}" + string.Join(Environment.NewLine, missing));
        var unused = english.Keys.Where(key => !used.Contains(key)).ToList();
        Assert.True(unused.Count == 0, "English no longer used: " + string.Join(" | ", unused));
        var mismatched = english.Where(e => string.IsNullOrWhiteSpace(e.Value) || Holes(e.Key) != Holes(e.Value)).Select(e => e.Key).ToList();
        Assert.True(mismatched.Count == 0, "Empty, or placeholders differ: " + string.Join(" | ", mismatched));
    }

    private static string Holes(string text) => string.Join(",", Hole().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"(?<!\{)\{\d+(:[^}]*)?\}")]
    private static partial Regex Hole();
}
