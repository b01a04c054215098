using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Navigation;

/// <summary>
/// Issue 16: features only reachable by typing an address ("Monitoring Iuran", "Simulasi Denda"), an officer told
/// the account had no company. Each kind of user follows the links from Beranda's menu onwards, as a person clicks;
/// together they reach every page, and each menu marks the page it is on.
/// </summary>
public class MenuWalkTests(MenuWalkTests.Fixture fixture) : IClassFixture<MenuWalkTests.Fixture>
{
    /// <summary>Pages reached by a flow, not by a link: the steps after a form, links sent by email, errors, developer tools.</summary>
    private static readonly string[] NotLinked =
    [
        "/aktivasi", "/reset-password", "/daftar/akun", "/daftar/kpj", "/daftar/selesai", "/daftar/verifikasi", "/masuk/verifikasi",
        "/tambah-perusahaan/verifikasi", "/keluar", "/galat/{code:int}", "/akses-ditolak", "/dev/outbox", "/dev/simulator-bank",
        "/cek-bukti/{kode?}", // printed on receipts as a QR code
        // Linked once the data exists: a correction from the lines of a computed (not final) period, a batch from its upload.
        "/iuran/{periode:length(7)}/koreksi/{id:guid}", "/tenaga-kerja/upload/{id:guid}",
    ];

    [Fact]
    public async Task EveryKindOfUser_FollowingLinks_TogetherReachEveryPage()
    {
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hrd = fixture.Factory.NewBrowser();
        await hrd.ChooseCompanyAsync(await hrd.SignInAsHrdAsync(), "10000001", "000");
        var officer = fixture.Factory.NewBrowser();
        await officer.SignInAsync(DevelopmentSeed.OfficerEmail, DevelopmentSeed.OfficerPassword, phone: null);
        var administrator = fixture.Factory.NewBrowser();
        await administrator.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);
        foreach (var user in new[] { hrd, officer, administrator, fixture.Factory.NewBrowser() })
        {
            reached.UnionWith(await WalkAsync(user));
        }

        var pages = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().Except(NotLinked).ToList();
        var unreached = pages.Where(template => !reached.Any(path => Matches(template, path))).ToList();
        Assert.True(unreached.Count == 0, "Not reachable by a link: " + string.Join(", ", unreached));
    }

    [Theory]
    [InlineData("/iuran/monitoring", "Monitoring Iuran", "Iuran")]
    [InlineData("/kalkulator/denda", "Simulasi Denda", "Iuran")]
    [InlineData("/tenaga-kerja/upload", "Upload Tenaga Kerja", "Tenaga Kerja")]
    public async Task TheMenu_MarksThePageAndItsSection(string url, string item, string section)
    {
        var hrd = fixture.Factory.NewBrowser();
        await hrd.ChooseCompanyAsync(await hrd.SignInAsHrdAsync(), "10000001", "000");

        var page = await HtmlPage.GetAsync(hrd, url);

        var menu = page.QuerySelector("nav")!;
        Assert.Equal([item], menu.QuerySelectorAll("[aria-current=page]").Select(a => a.TextContent.Trim()));
        Assert.Equal([section], menu.QuerySelectorAll(".dropdown-toggle.active").Select(a => a.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tenaga-kerja")]
    public async Task AnOfficer_LandsOnTheBackOffice_NotOnPilihPerusahaan(string url)
    {
        var officer = fixture.Factory.NewBrowser();
        await officer.SignInAsync(DevelopmentSeed.OfficerEmail, DevelopmentSeed.OfficerPassword, phone: null);

        var page = await HtmlPage.GetAsync(officer, url);

        Assert.Equal("/backoffice/verifikasi", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>Every same-site link of every page reached, breadth first, as HTML pages (downloads are not followed).</summary>
    private static async Task<HashSet<string>> WalkAsync(HttpClient user)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "/" };
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0 && seen.Count < 400)
        {
            using var response = await user.GetAsync(queue.Dequeue(), TestContext.Current.CancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            seen.Add(response.RequestMessage!.RequestUri!.AbsolutePath);
            var page = await HtmlPage.ParseAsync(response);
            foreach (var href in page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!.Split('#')[0]))
            {
                var path = href.Split('?')[0];
                if (path.Length > 0 && !path.StartsWith("/laporan/", StringComparison.Ordinal) && seen.Add(path))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return seen;
    }

    private static bool Matches(string template, string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(template).Replace("\\{", "{"), "{[^}]+}", "[^/]+") + "$", RegexOptions.IgnoreCase);

    public sealed class Fixture : SeededWebFixture;
}
