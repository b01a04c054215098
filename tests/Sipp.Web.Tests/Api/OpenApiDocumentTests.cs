using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Issue 18, item 6: the API's OpenAPI 3.1 document is generated from the endpoints and equals the committed copy (a
/// contract change is never silent: rewrite it with SIPP_WRITE_OPENAPI=1 and commit it); every operation names its
/// scope; the reference renders at /api/docs from this site alone.
/// </summary>
public class OpenApiDocumentTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static string CommittedCopy => Path.Combine(RepositoryFolder.Root(), "docs", "api", "openapi-v1.json");

    [Fact]
    public async Task TheDocument_IsOpenApi31_EveryOperationNamesItsScope_AndEqualsTheCommittedCopy()
    {
        var client = fixture.Factory.CreateClient();
        var text = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = JsonNode.Parse(text)!;

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var flows = document["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]!;
        Assert.Equal("/connect/token", flows["tokenUrl"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/divisi", "/api/v1/divisi/{divisi}/tenaga-kerja", "/api/v1/divisi/{divisi}/laporan-upah/{periode}", "/api/v1/divisi/{divisi}/iuran/{periode}/finalisasi" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} missing: {string.Join(", ", paths.Select(p => p.Key))}");
        }

        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(string.IsNullOrEmpty(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
                Assert.NotNull(operation["security"]?[0]?["oauth2"]);
            }
        }

        Assert.Equal(["pekerja:tulis"], paths["/api/v1/divisi/{divisi}/laporan-upah/{periode}"]!["put"]!["security"]![0]!["oauth2"]!.AsArray().Select(s => s!.GetValue<string>()));
        var generated = Normalise(text);
        if (Environment.GetEnvironmentVariable("SIPP_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedCopy, generated + "\n", TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(CommittedCopy), "docs/api/openapi-v1.json is missing: run the tests with SIPP_WRITE_OPENAPI=1 and commit it.");
        Assert.True((await File.ReadAllTextAsync(CommittedCopy, TestContext.Current.CancellationToken)).TrimEnd() == generated,
            "The API contract changed: review the difference, then run the tests with SIPP_WRITE_OPENAPI=1 and commit docs/api/openapi-v1.json.");
    }

    [Fact]
    public async Task TheReference_RendersAtApiDocs_FromThisSiteAlone()
    {
        var client = fixture.Factory.CreateClient();
        using var page = await client.GetAsync("/api/docs", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal); // nothing from another origin
        Assert.DoesNotContain("'unsafe-inline'", string.Join(";", (await client.GetAsync("/kalkulator", TestContext.Current.CancellationToken)).Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var script = System.Text.RegularExpressions.Regex.Match(html, @"<script[^>]+src=""([^""]+)""").Groups[1].Value;
        Assert.False(script.StartsWith("http", StringComparison.Ordinal), script);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), script), TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>Indented with sorted-as-generated keys and Unix line ends: the committed copy reads well in a diff.</summary>
    private static string Normalise(string json) =>
        JsonSerializer.Serialize(JsonNode.Parse(json), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Replace("\r\n", "\n", StringComparison.Ordinal);
}
