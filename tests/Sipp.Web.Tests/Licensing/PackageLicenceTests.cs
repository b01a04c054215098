using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Licensing;

/// <summary>
/// Sipp is AGPL-3.0-only (LICENSE): every NuGet package any project restores, directly or not, must carry a licence
/// that may be combined with it, and `docs/package-licences.md` lists them all as restored now. A new package with
/// another licence, or one the list does not know yet, fails here. Set SIPP_WRITE_LICENCES=1 to rewrite the list.
/// </summary>
public partial class PackageLicenceTests
{
    /// <summary>SPDX identifiers whose terms allow combining with AGPL-3.0-only (FSF's list of GPL-compatible licences).</summary>
    private static readonly HashSet<string> Compatible =
    [
        "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib", "PostgreSQL", "Unlicense", "0BSD",
        "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "GPL-3.0-or-later", "AGPL-3.0-only", "AGPL-3.0-or-later",
        "MPL-2.0", // its section 3.3 allows combining with the GNU licences unless a file says "Incompatible With Secondary Licenses"; axe-core's do not
    ];

    [Fact]
    public void EveryRestoredPackage_HasALicenceCompatibleWithAgpl_AndIsInTheGeneratedList()
    {
        var root = RepositoryFolder.Root();
        var packages = Packages(root);

        Assert.NotEmpty(packages);
        var refused = packages.Where(p => !IsCompatible(p.Licence)).Select(p => $"{p.Id} {p.Version}: {p.Licence}").ToList();
        Assert.True(refused.Count == 0, "Not compatible with AGPL-3.0-only: " + string.Join("; ", refused));

        var listed = Path.Combine(root, "docs", "package-licences.md");
        var expected = Listing(packages);
        if (Environment.GetEnvironmentVariable("SIPP_WRITE_LICENCES") == "1")
        {
            File.WriteAllText(listed, expected);
        }

        Assert.True(File.Exists(listed) && File.ReadAllText(listed).ReplaceLineEndings("\n") == expected,
            "docs/package-licences.md is not the list of the packages restored now: run the tests with SIPP_WRITE_LICENCES=1 and commit it.");
    }

    [Theory]
    [InlineData("MIT", true)]
    [InlineData("MS-PL OR Apache-2.0", true)] // either may be chosen
    [InlineData("MS-PL", false)] // its patent and source terms are not GPL-compatible
    [InlineData("GPL-2.0-only", false)]
    [InlineData("", false)]
    public void ALicenceExpression_IsCompatible_WhenOneOfItsChoicesIs(string expression, bool compatible) =>
        Assert.Equal(compatible, IsCompatible(expression));

    private static bool IsCompatible(string expression) =>
        expression.Split(" OR ", StringSplitOptions.TrimEntries).Any(choice => Compatible.Contains(choice.Trim('(', ')')));

    private sealed record Package(string Id, string Version, string Licence, bool Shipped);

    /// <summary>Every package of every project's restore (project.assets.json), with the licence its .nuspec declares.</summary>
    private static List<Package> Packages(string root)
    {
        var shipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var all = new Dictionary<string, Package>(StringComparer.OrdinalIgnoreCase);
        foreach (var assets in Directory.GetFiles(root, "project.assets.json", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var isShipped = assets.StartsWith(Path.Combine(root, "src"), StringComparison.Ordinal);
            using var json = JsonDocument.Parse(File.ReadAllText(assets));
            var folder = json.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
            foreach (var library in json.RootElement.GetProperty("libraries").EnumerateObject().Where(l => l.Value.GetProperty("type").GetString() == "package"))
            {
                var (id, version) = (library.Name.Split('/')[0], library.Name.Split('/')[1]);
                if (isShipped)
                {
                    shipped.Add(library.Name);
                }

                if (!all.ContainsKey(library.Name))
                {
                    var package = Path.Combine(folder, id.ToLowerInvariant(), version.ToLowerInvariant());
                    all[library.Name] = new Package(id, version, Licence(package, File.ReadAllText(Path.Combine(package, id.ToLowerInvariant() + ".nuspec"))), false);
                }
            }
        }

        return all.Select(p => p.Value with { Shipped = shipped.Contains(p.Key) }).OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version).ToList();
    }

    /// <summary>
    /// The SPDX expression of the .nuspec; for a licence shipped as a file, the licence that file's title names; for the
    /// old System.* packages that only link to the .NET repository's licence, MIT (that file's licence).
    /// </summary>
    private static string Licence(string package, string nuspec)
    {
        if (LicenceExpression().Match(nuspec) is { Success: true } expression)
        {
            return expression.Groups[1].Value.Trim();
        }

        if (LicenceFile().Match(nuspec) is { Success: true } file && File.Exists(Path.Combine(package, file.Groups[1].Value)))
        {
            var lines = File.ReadLines(Path.Combine(package, file.Groups[1].Value)).Where(l => !string.IsNullOrWhiteSpace(l)).Take(2).Select(l => l.Trim()).ToList();
            var title = lines.FirstOrDefault() ?? "";
            return title.StartsWith("The MIT License", StringComparison.OrdinalIgnoreCase) || title == "MIT License" ? "MIT"
                : title == "Apache License" && lines.ElementAtOrDefault(1)?.StartsWith("Version 2.0", StringComparison.Ordinal) == true ? "Apache-2.0"
                : "";
        }

        return nuspec.Contains("<licenseUrl>https://github.com/dotnet/corefx/blob/master/LICENSE.TXT</licenseUrl>", StringComparison.Ordinal) ? "MIT" : "";
    }

    private static string Listing(List<Package> packages)
    {
        var text = new StringBuilder("""
            # Package licences

            Generated by `PackageLicenceTests` from every project's restore; do not edit by hand (run the tests with
            `SIPP_WRITE_LICENCES=1` after changing a package). Sipp is licensed AGPL-3.0-only (`LICENSE`); each package below
            carries a licence that may be combined with it. "Shipped" packages are part of the portal; the others serve only the
            tests and benchmarks.

            | package | version | licence | shipped |
            |---|---|---|---|

            """.ReplaceLineEndings("\n"));
        foreach (var p in packages)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {p.Id} | {p.Version} | {p.Licence} | {(p.Shipped ? "yes" : "no")} |\n");
        }

        return text.ToString();
    }


    [GeneratedRegex("<license type=\"expression\">([^<]+)</license>")]
    private static partial Regex LicenceExpression();

    [GeneratedRegex("<license type=\"file\">([^<]+)</license>")]
    private static partial Regex LicenceFile();
}
