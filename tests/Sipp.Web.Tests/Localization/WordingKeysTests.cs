using System.Text;
using System.Text.RegularExpressions;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Localization;

/// <summary>
/// Issue 16: messages written by code (field errors, refusals, notices, emails, SMS) showed in Indonesian to a reader
/// who chose English. Each goes through <c>Wording.Of</c> with its Indonesian wording written where it is used; this
/// reads every such call in the sources, takes the wording apart as the compiler does (values become {0}, {1} …) and
/// fails when it has no English in <c>Wording.en.resx</c>, when the English loses or adds a value, or when an English
/// entry is no longer used.
/// </summary>
public partial class WordingKeysTests
{
    [Fact]
    public void EveryMessage_HasItsEnglish_WithTheSameValues_AndEveryEnglishEntryIsUsed()
    {
        var root = RepositoryFolder.Root();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var file in SourceFiles(root))
        {
            var source = File.ReadAllText(file);
            foreach (Match call in Call().Matches(source))
            {
                var key = TemplateAt(source, call.Index + call.Length);
                if (key is null)
                {
                    unreadable.Add($"{Path.GetRelativePath(root, file)}: {source.Substring(call.Index, Math.Min(80, source.Length - call.Index)).Split('\n')[0]}");
                }
                else
                {
                    used.Add(key);
                }
            }
        }

        used.UnionWith(NamesPassedByValue());
        Assert.True(unreadable.Count == 0, "Write the wording as one literal in the call:" + Environment.NewLine + string.Join(Environment.NewLine, unreadable));
        Assert.True(used.Count > 100, $"only {used.Count} messages found");
        EnglishCatalogue.AssertCovers(Path.Combine(root, "src", "Sipp.Domain", "Resources", "Wording.en.resx"), used);
    }

    [Theory]
    [InlineData("\"Kode Pos harus 5 angka.\")", "Kode Pos harus 5 angka.")]
    [InlineData("$\"Baris {i + 1}: {date:yyyy-MM-dd} bukan tahun {year}.\")", "Baris {0}: {1:yyyy-MM-dd} bukan tahun {2}.")]
    [InlineData("$\"{field} harus salah satu dari: {string.Join(\", \", choices)}.\")", "{0} harus salah satu dari: {1}.")]
    [InlineData("$\"Isi {{kode}} \\\"{x}\\\".\")", "Isi {{kode}} \"{0}\".")]
    [InlineData("message)", null)]
    public void TheWordingOfACall_IsReadAsTheCompilerBuildsIt(string call, string? expected) =>
        Assert.Equal(expected, TemplateAt(call, 0));

    /// <summary>The names <c>Wording.OfName</c> receives: the fields of the worker and company forms, statuses and kinds of late charge.</summary>
    private static IEnumerable<string> NamesPassedByValue() =>
        new[] { typeof(Sipp.Domain.Workers.WorkerFields), typeof(Sipp.Web.Features.BackOffice.Companies.CompanyInput) }
            .SelectMany(t => t.GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!))
            .Concat(Enum.GetValues<Sipp.Domain.Workers.EmploymentStatus>().Select(Sipp.Web.Features.Workers.WorkerTexts.Status))
            .Concat(Enum.GetValues<Sipp.Domain.Contributions.LateChargeKind>().Select(Sipp.Domain.Contributions.LateCharges.Label))
            .Concat(Sipp.Web.Features.Workers.Uploads.UploadDefinition.All.Select(d => d.Title));

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith($"{Path.DirectorySeparatorChar}Wording.cs", StringComparison.Ordinal));

    /// <summary>The wording of the literal at <paramref name="start"/> with its values numbered, or null when it is not one regular literal.</summary>
    internal static string? TemplateAt(string source, int start)
    {
        var interpolated = source[start] == '$';
        var i = start + (interpolated ? 1 : 0);
        if (source[i] != '"' || source[i + 1] == '"' && source[i + 2] == '"')
        {
            return null;
        }

        var text = new StringBuilder();
        var holes = 0;
        for (i++; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                return Regex.Unescape(text.ToString());
            }

            if (c == '\\')
            {
                text.Append(c).Append(source[++i]);
            }
            else if (interpolated && c == '{' && source[i + 1] == '{' || interpolated && c == '}' && source[i + 1] == '}')
            {
                text.Append(c).Append(c);
                i++;
            }
            else if (interpolated && c == '{')
            {
                var (end, format) = HoleEnd(source, i + 1);
                text.Append('{').Append(holes++).Append(format is null ? "" : ":" + format).Append('}');
                i = end;
            }
            else if (c == '\n')
            {
                return null;
            }
            else
            {
                text.Append(c);
            }
        }

        return null;
    }

    /// <summary>Skips an interpolation hole's expression (nested brackets and strings included) to its closing brace.</summary>
    private static (int End, string? Format) HoleEnd(string source, int i)
    {
        var depth = 0;
        for (; ; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                for (i++; source[i] != '"'; i++)
                {
                    i += source[i] == '\\' ? 1 : 0;
                }
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' || c == '}' && depth > 0)
            {
                depth--;
            }
            else if (c == '}' || c == ':' && depth == 0)
            {
                if (c == '}')
                {
                    return (i, null);
                }

                var close = source.IndexOf('}', i);
                return (close, source[(i + 1)..close]);
            }
        }
    }

    [GeneratedRegex(@"\bWording\.Of\(\s*")]
    private static partial Regex Call();
}
