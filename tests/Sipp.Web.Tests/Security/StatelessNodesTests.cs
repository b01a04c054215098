using System.Net;
using System.Text;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sipp.Data.Uploads;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;
using Sipp.Web.Tests.Workers.Uploads;

namespace Sipp.Web.Tests.Security;

/// <summary>
/// Two nodes behind a balancer on one database, each with its own home (its own local key folder) and upload folder,
/// as on separate machines (issue 15): what one node made — a session, an antiforgery token, an upload, a rule — the
/// other takes as its own.
/// </summary>
public class StatelessNodesTests
{
    [Theory]
    [DatabaseData]
    public async Task ASession_AnAntiforgeryToken_AnUpload_AndARule_CarryAcrossTwoNodes(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider, nameof(ASession_AnAntiforgeryToken_AnUpload_AndARule_CarryAcrossTwoNodes));
        var home = Directory.CreateTempSubdirectory("sipp-nodes-").FullName;
        Directory.CreateDirectory(Path.Combine(home, "a", "uploads"));
        Directory.CreateDirectory(Path.Combine(home, "b", "uploads"));
        await using var a = new Node(database, Path.Combine(home, "a"), seeds: true);
        var browser = a.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000002", "000");
        await using var b = new Node(database, Path.Combine(home, "b"), seeds: false);
        var onB = b.SameBrowserOn(browser);

        // The session made on A is the same user, in the same company, on B.
        var list = await HtmlPage.GetAsync(onB, "/tenaga-kerja");
        Assert.EndsWith("/tenaga-kerja", list.Url, StringComparison.Ordinal);
        Assert.Contains("10000002", list.Body!.TextContent, StringComparison.Ordinal);

        // A form served by A (its antiforgery token) is posted to B, which receives the file; it is checked and then
        // imported through A, whichever node's worker checked it.
        var kpjs = await KpjsAsync(database, ct);
        var form = await HtmlPage.GetAsync(browser, "/tenaga-kerja/upload");
        var wages = UploadFixtures.Csv(["KPJ", "Upah", "Periode Mulai"], [[kpjs[0], "7.300.000", "2026-05"], [kpjs[1], "7.400.000", "2026-05"]], new UTF8Encoding(false), ';');
        using var body = new MultipartFormDataContent
        {
            { new StringContent("upah"), "jenis" },
            { new StringContent(form.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!), "__RequestVerificationToken" },
            { new ByteArrayContent(wages), "file", "upah.csv" },
        };
        var received = await onB.PostAsync("/tenaga-kerja/upload", body, ct);
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var batchUrl = received.RequestMessage!.RequestUri!.AbsolutePath;
        var checkedPage = await UploadTests.WaitForCheckAsync(browser, await HtmlPage.GetAsync(browser, batchUrl));
        Assert.Equal("Siap diimpor", checkedPage.GetElementById("status-upload")!.TextContent.Trim());
        await UploadTests.ClickAsync(browser, checkedPage, "Impor 2 Baris Valid");
        await using (var db = database.NewContext())
        {
            Assert.Equal(2, await db.WageChanges.CountAsync(w => kpjs.Contains(w.Employment.Participant.Kpj!) && w.EffectiveFrom == Period.Of(2026, 5), ct));
            Assert.False(await db.UploadContents.AnyAsync(ct)); // the file is gone once imported
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(home, "a", "uploads")).Concat(Directory.EnumerateFiles(Path.Combine(home, "b", "uploads"))));

        // An API client made on A gets its token from B and is served by A: the token is in the shared key ring.
        var (_, created) = await Sipp.Web.Tests.Api.ApiClientAccessTests.CreateClientAsync(browser, "Payroll Dua Node", ["pekerja:baca"], ["000"], "01/03/2027");
        var api = a.CreateClient();
        Sipp.Web.Tests.Api.ApiClientAccessTests.Authorise(api, await Sipp.Web.Tests.Api.ApiClientAccessTests.TokenAsync(
            b.CreateClient(), created.GetElementById("client-id")!.TextContent, created.GetElementById("client-secret")!.TextContent));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/divisi/10000002-000/tenaga-kerja?jumlah=1", ct)).StatusCode);

        // A rule saved through B is used by A's next answer.
        var calculator = a.CreateClient();
        Assert.Equal(11_086_300 * 3 / 100, await Sipp.Web.Tests.BackOffice.ContributionRulesTests.JpOfAsync(calculator, "2027-03"));
        var admin = b.NewBrowser();
        await admin.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);
        await (await HtmlPage.GetAsync(admin, "/admin/aturan-iuran")).SubmitAsync(admin, new Dictionary<string, string>
        {
            ["Aturan"] = "jp.batasUpah", ["Berlaku Mulai"] = "2027-03-01", ["Nilai"] = "11.650.000", ["Catatan"] = "Uji dua node",
        });
        Assert.Equal(11_650_000 * 3 / 100, await Sipp.Web.Tests.BackOffice.ContributionRulesTests.JpOfAsync(calculator, "2027-03"));
    }

    [Theory]
    [DatabaseData]
    public async Task ABureausGrant_RevokedOnOneNode_IsRefusedOnTheOther_AtItsNextRequest(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider, nameof(ABureausGrant_RevokedOnOneNode_IsRefusedOnTheOther_AtItsNextRequest));
        var home = Directory.CreateTempSubdirectory("sipp-nodes-").FullName;
        await using var a = new Node(database, Path.Combine(home, "a"), seeds: true);
        await using var b = new Node(database, Path.Combine(home, "b"), seeds: false);
        var staff = await a.BureauStaffInAsync("Biro Dua Node", "Staf Dua", "10000001", "000", Sipp.Data.Accounts.MembershipRole.Operator);
        Assert.Equal(HttpStatusCode.OK, (await a.WithoutRedirects(staff).GetAsync("/tenaga-kerja", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.WithoutRedirects(b.SameBrowserOn(staff)).GetAsync("/tenaga-kerja", ct)).StatusCode);

        // The client's Admin revokes on node B.
        var admin = b.NewBrowser();
        await admin.ChooseCompanyAsync(await admin.SignInAsHrdAsync(), "10000001", "000");
        Guid grant;
        await using (var db = database.NewContext())
        {
            grant = await db.BureauGrants.Select(g => g.Id).SingleAsync(ct);
        }

        await Sipp.Web.Tests.Bureaus.BureauForms.PostAsync(admin, "/pengguna/akses-biro", "Revoke", ("id", grant.ToString()), ("konfirmasi", "ya"));

        // The staff member's very next request, with the same cookie, on node A (and on B) no longer reaches the client.
        using var onA = await a.WithoutRedirects(staff).GetAsync("/tenaga-kerja", ct);
        Assert.Equal(HttpStatusCode.Redirect, onA.StatusCode);
        Assert.StartsWith("/pilih-perusahaan", onA.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await b.WithoutRedirects(b.SameBrowserOn(staff)).GetAsync("/tenaga-kerja", ct)).StatusCode);
    }

    private static async Task<string[]> KpjsAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        return await db.Employments.Where(e => e.Division.Company.Npp == "10000002" && e.Division.Code == "000" && e.Status == EmploymentStatus.Aktif && e.MembershipStartDate < new DateOnly(2025, 1, 1))
            .OrderBy(e => e.Participant.Kpj).Select(e => e.Participant.Kpj!).Take(2).ToArrayAsync(ct);
    }

    /// <summary>
    /// A node: the real host with a home of its own. Its local key folder is where Data Protection would keep keys if the
    /// product configured no shared ring — as on a machine of its own — so a ring that is not shared fails this test.
    /// </summary>
    private sealed class Node(TestDatabase database, string home, bool seeds) : SippWebFactory(database, "Development", new Dictionary<string, string?>
    {
        ["Database:Seed"] = seeds ? "true" : "false", ["Database:SeedPaidMonth"] = "false", ["Uploads:Folder"] = Path.Combine(home, "uploads"),
        ["RateLimits:Calculator:PermitLimit"] = "100000",
    }, ownsDatabase: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.PostConfigure<KeyManagementOptions>(options =>
                options.XmlRepository ??= new FileSystemXmlRepository(Directory.CreateDirectory(Path.Combine(home, "keys")), NullLoggerFactory.Instance)));
        }
    }
}
