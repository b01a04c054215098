using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;
using Sipp.Data.Contributions;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Bureaus;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>
/// Issue 19, item 3: with "Finalisasi perlu persetujuan", Finalisasi and Batal Finalisasi become requests a second
/// person with the approving role decides; the maker never decides their own; the bill is issued only on approval;
/// an approval of a period changed since is void; two approvals at once yield one bill; the API waits too.
/// </summary>
public class FinalizationApprovalTests
{
    private const string Page = "/iuran/2026-02";

    [Fact]
    public async Task Finalisasi_WaitsForASecondPerson_WhoSeesTheTotalsAndDifference_ApprovesOrRejectsWithAReason()
    {
        await using var factory = await CreateAsync(nameof(Finalisasi_WaitsForASecondPerson_WhoSeesTheTotalsAndDifference_ApprovesOrRejectsWithAReason), DatabaseProvider.Sqlite);
        var head = await factory.DivisionAsync("10000001", "000");
        var (hr, maker, approver) = await PeopleAsync(factory);
        await factory.ComputeAsync(head, Period.Of(2026, 1));
        await factory.ComputeAsync(head, Period.Of(2026, 2));

        // Only an approver opens Persetujuan; the Admin turns the setting on there.
        Assert.Equal(HttpStatusCode.Forbidden, await maker.StatusOfAsync("/iuran/persetujuan"));
        await BureauForms.PostAsync(hr, "/iuran/persetujuan", "Setting", ("perluPersetujuan", "true"));

        // The Operator's Finalisasi is a request: no bill; the period says it waits; the approvers are emailed, not the maker.
        var asked = await BureauForms.PostAsync(maker, Page, "Finalize", ("Channel", "BNI_VA"));
        Assert.Contains("Permintaan dikirim kepada penyetuju", asked.GetElementById("pesan")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await LiveBillsAsync(factory, head));
        Assert.Contains("Menunggu", asked.GetElementById("status-permintaan")!.TextContent, StringComparison.Ordinal);
        Assert.Null(asked.GetElementById("form-finalisasi"));
        var outbox = await factory.NewBrowser().OutboxAsync();
        Assert.Contains(outbox, m => m.To == DevelopmentSeed.CompanyUserEmail && m.Subject == "Persetujuan Finalisasi Februari 2026");
        Assert.Contains(outbox, m => m.To == Email(MembershipRole.Penyetuju) && m.Subject == "Persetujuan Finalisasi Februari 2026");
        Assert.DoesNotContain(outbox, m => m.To == Email(MembershipRole.Operator) && m.Subject!.StartsWith("Persetujuan", StringComparison.Ordinal));

        // A second request for the same period while one waits is refused by the database's index.
        var again = await BureauForms.PostAsync(maker, Page, "Finalize", ("Channel", "BNI_VA"));
        Assert.Contains("Sudah ada permintaan yang menunggu persetujuan", again.Body!.TextContent, StringComparison.Ordinal);

        // Beranda tells the approver, not the maker; the approver sees the totals per program beside January's and the
        // difference, and approves: the bill is issued.
        Assert.Contains("1 permintaan menunggu persetujuan", (await HtmlPage.GetAsync(approver, "/")).GetElementById("menunggu-persetujuan")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await HtmlPage.GetAsync(maker, "/")).GetElementById("menunggu-persetujuan"));
        var review = await HtmlPage.GetAsync(approver, "/iuran/persetujuan");
        var (january, february) = (await StoredAsync(factory, head, Period.Of(2026, 1)), await StoredAsync(factory, head, Period.Of(2026, 2)));
        var lines = review.QuerySelectorAll("#permintaan-2026-02 tbody tr").ToList();
        Assert.Equal(["JHT", "JKK", "JKM", "JP", "Total Iuran"], lines.Select(l => l.Children[0].TextContent.Trim()));
        Assert.Equal(new Rupiah(february.JhtTotal).ToString(), lines[0].Children[1].TextContent.Trim());
        Assert.Equal(new Rupiah(january.Total).ToString(), lines[4].Children[2].TextContent.Trim());
        Assert.Equal((february.Total - january.Total >= 0 ? "+" : "−") + new Rupiah(Math.Abs(february.Total - january.Total)), lines[4].Children[3].TextContent.Trim());
        var requestId = await WaitingAsync(factory, head);
        var approved = await BureauForms.PostAsync(approver, "/iuran/persetujuan", "Approve", ("id", requestId.ToString()));
        Assert.Contains("Disetujui", approved.GetElementById("pesan-persetujuan")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await LiveBillsAsync(factory, head));
        Assert.Contains(await factory.NewBrowser().OutboxAsync(), m => m.To == Email(MembershipRole.Operator) && m.Subject == "Finalisasi Februari 2026: disetujui");

        // Batal Finalisasi is a request too; a rejection needs a reason, which the maker reads; the bill stays.
        await BureauForms.PostAsync(maker, Page, "Cancel", ("konfirmasi", "ya"));
        var cancelId = await WaitingAsync(factory, head);
        var noReason = await BureauForms.PostAsync(hr, "/iuran/persetujuan", "Reject", ("id", cancelId.ToString()), ("alasan", " "));
        Assert.Contains("Tulis alasan penolakan", noReason.Body!.TextContent, StringComparison.Ordinal);
        await BureauForms.PostAsync(hr, "/iuran/persetujuan", "Reject", ("id", cancelId.ToString()), ("alasan", "Bagian keuangan sudah membayar"));
        Assert.Equal(1, await LiveBillsAsync(factory, head));
        Assert.Contains("Bagian keuangan sudah membayar", (await HtmlPage.GetAsync(maker, Page)).GetElementById("alasan-penolakan")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await factory.NewBrowser().OutboxAsync(), m => m.To == Email(MembershipRole.Operator) && m.Body.Contains("Alasan: Bagian keuangan sudah membayar", StringComparison.Ordinal));

        // The maker never decides their own: the Admin's own Batal Finalisasi offers no buttons, and a crafted approval is refused.
        await BureauForms.PostAsync(hr, Page, "Cancel", ("konfirmasi", "ya"));
        var own = await WaitingAsync(factory, head);
        Assert.NotNull((await HtmlPage.GetAsync(hr, "/iuran/persetujuan")).QuerySelector(".permintaan-sendiri"));
        var self = await BureauForms.PostAsync(hr, "/iuran/persetujuan", "Approve", ("id", own.ToString()));
        Assert.Contains("tidak dapat memutuskan permintaan Anda sendiri", self.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await LiveBillsAsync(factory, head));
        await BureauForms.PostAsync(approver, "/iuran/persetujuan", "Approve", ("id", own.ToString()));
        Assert.Equal(0, await LiveBillsAsync(factory, head)); // voided on approval

        // A request for a period changed since (recomputed) cannot be approved: it is void, and no bill is issued.
        await BureauForms.PostAsync(maker, Page, "Finalize", ("Channel", "BNI_VA"));
        var stale = await WaitingAsync(factory, head);
        await factory.ComputeAsync(head, Period.Of(2026, 2));
        var refused = await BureauForms.PostAsync(approver, "/iuran/persetujuan", "Approve", ("id", stale.ToString()));
        Assert.Contains("berubah sejak permintaan dibuat", refused.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await LiveBillsAsync(factory, head));
        Assert.Equal(FinalizationRequestStatus.Usang, await StatusAsync(factory, stale));

        // Another company's approver cannot reach this division's request: not found, nothing decided.
        await BureauForms.PostAsync(maker, Page, "Finalize", ("Channel", "BNI_VA"));
        var waiting = await WaitingAsync(factory, head);
        var elsewhere = factory.NewBrowser();
        await elsewhere.ChooseCompanyAsync(await elsewhere.SignInAsHrdAsync(), "10000002", "000");
        Assert.Equal(HttpStatusCode.NotFound, await BureauForms.StatusOfPostAsync(elsewhere, "/iuran/persetujuan", "Approve", ("id", waiting.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, await BureauForms.StatusOfPostAsync(elsewhere, "/iuran/persetujuan", "Reject", ("id", waiting.ToString()), ("alasan", "x")));
        Assert.Equal(FinalizationRequestStatus.Menunggu, await StatusAsync(factory, waiting));

        // Only its maker takes a waiting request back ("Tarik Permintaan"); then Finalisasi is offered again.
        var notTheirs = await BureauForms.PostAsync(approver, Page, "Withdraw", ("id", waiting.ToString()));
        Assert.Contains("Hanya permintaan Anda sendiri", notTheirs.GetElementById("pesan")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(FinalizationRequestStatus.Menunggu, await StatusAsync(factory, waiting));
        var withdrawn = await BureauForms.PostAsync(maker, Page, "Withdraw", ("id", waiting.ToString()));
        Assert.Equal(FinalizationRequestStatus.Ditarik, await StatusAsync(factory, waiting));
        Assert.NotNull(withdrawn.GetElementById("form-finalisasi"));
    }

    [Theory]
    [DatabaseData]
    public async Task TwoApproversAtOnce_YieldOneBill_AndTheApiWaitsForApprovalToo(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await CreateAsync(nameof(TwoApproversAtOnce_YieldOneBill_AndTheApiWaitsForApprovalToo), provider);
        var head = await factory.DivisionAsync("10000001", "000");
        var (hr, maker, approver) = await PeopleAsync(factory);
        await BureauForms.PostAsync(hr, "/iuran/persetujuan", "Setting", ("perluPersetujuan", "true"));

        // The payroll system's Finalisasi waits (202), and its creator (the Admin) may not approve what it asked for.
        var api = await Api.ApiClientAccessTests.ApiAsync(factory, hr, "Payroll Persetujuan", ["iuran:kelola"]);
        Assert.True((await api.PostAsync("/api/v1/divisi/10000001-000/iuran/2026-02/hitung", null, ct)).IsSuccessStatusCode);
        var answer = await api.PostAsJsonAsync("/api/v1/divisi/10000001-000/iuran/2026-02/finalisasi", new { channel = "BNI_VA" }, ct);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var waitingAnswer = await answer.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("menungguPersetujuan", waitingAnswer.GetProperty("status").GetString());
        Api.ApiExampleShape.AssertMatches("MenungguPersetujuan", waitingAnswer); // as the OpenAPI document's 202 says
        Assert.Equal(0, await LiveBillsAsync(factory, head));
        var fromApi = await WaitingAsync(factory, head);
        var self = await BureauForms.PostAsync(hr, "/iuran/persetujuan", "Approve", ("id", fromApi.ToString()));
        Assert.Contains("tidak dapat memutuskan permintaan Anda sendiri", self.Body!.TextContent, StringComparison.Ordinal);
        await BureauForms.PostAsync(approver, "/iuran/persetujuan", "Reject", ("id", fromApi.ToString()), ("alasan", "Diulang dari Sipp"));

        // The Operator asks; the Admin and the Penyetuju approve at the same instant: one claims it, one bill.
        await BureauForms.PostAsync(maker, Page, "Finalize", ("Channel", "BNI_VA"));
        var requestId = await WaitingAsync(factory, head);
        var both = await Task.WhenAll(
            BureauForms.PostAsync(hr, "/iuran/persetujuan", "Approve", ("id", requestId.ToString())),
            BureauForms.PostAsync(approver, "/iuran/persetujuan", "Approve", ("id", requestId.ToString())));
        var messages = both.Select(p => p.GetElementById("pesan-persetujuan")?.TextContent ?? p.Body!.TextContent).ToList();
        Assert.Single(messages, m => m.Contains("Disetujui.", StringComparison.Ordinal));
        Assert.Single(messages, m => m.Contains("sudah diputuskan", StringComparison.Ordinal));
        Assert.Equal(1, await LiveBillsAsync(factory, head));
        Assert.Equal(FinalizationRequestStatus.Disetujui, await StatusAsync(factory, requestId));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.CountAsync(a => a.Action == "persetujuan.setujui" && a.DivisionId == head, ct));
    }

    private static string Email(MembershipRole role) => $"{role.ToString().ToLowerInvariant()}.10000001.000@contoh.co.id";

    /// <summary>The seed's HR user (Admin), an Operator who asks, and a Penyetuju who approves, all in the head office.</summary>
    private static async Task<(HttpClient Hr, HttpClient Maker, HttpClient Approver)> PeopleAsync(SippWebFactory factory)
    {
        var hr = factory.NewBrowser();
        await hr.ChooseCompanyAsync(await hr.SignInAsHrdAsync(), "10000001", "000");
        var maker = factory.NewBrowser();
        await RoleAsync(factory, maker, MembershipRole.Operator);
        var approver = factory.NewBrowser();
        await RoleAsync(factory, approver, MembershipRole.Penyetuju);
        return (hr, maker, approver);
    }

    private static async Task RoleAsync(SippWebFactory factory, HttpClient browser, MembershipRole role)
    {
        await factory.MemberAsync(Email(role), "Uji " + role, "10000001", "000", role);
        await browser.SignInAsync(Email(role), AccessSteps.Password, phone: null);
    }

    private static async Task<int> LiveBillsAsync(SippWebFactory factory, Guid division)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Bills
            .CountAsync(b => b.ContributionPeriod.DivisionId == division && b.ContributionPeriod.Period == Period.Of(2026, 2) && b.Status != BillStatus.Dibatalkan);
    }

    private static async Task<ContributionPeriod> StoredAsync(SippWebFactory factory, Guid division, Period period)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().ContributionPeriods.AsNoTracking().SingleAsync(p => p.DivisionId == division && p.Period == period);
    }

    private static async Task<Guid> WaitingAsync(SippWebFactory factory, Guid division)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().FinalizationRequests
            .Where(r => r.DivisionId == division && r.Status == FinalizationRequestStatus.Menunggu).Select(r => r.Id).SingleAsync();
    }

    private static async Task<FinalizationRequestStatus> StatusAsync(SippWebFactory factory, Guid request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().FinalizationRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync();
    }

    private static Task<SippWebFactory> CreateAsync(string name, DatabaseProvider provider) =>
        SippWebFactory.CreateAsync(name, provider, "Development", new Dictionary<string, string?>
        {
            ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false", ["Notifications:DispatchInBackground"] = "false",
            ["RateLimits:Login:PermitLimit"] = "100000", ["RateLimits:Otp:PermitLimit"] = "100000", ["RateLimits:LoginPerAccount:PermitLimit"] = "100000",
        });
}
