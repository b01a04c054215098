using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;
using Sipp.Domain.Periods;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Bureaus;

/// <summary>
/// Issue 19, item 1: a company Admin grants a payroll bureau chosen divisions with a role and an end date on "Akses
/// Biro"; the bureau accepts; its staff — their own accounts — act there, audited as "Nama (Biro X) atas nama PT Y";
/// the Admin revokes it, and the end date ends it, both at the staff's next request.
/// </summary>
public class BureauAccessTests(BureauAccessTests.Fixture fixture) : IClassFixture<BureauAccessTests.Fixture>
{
    [Fact]
    public async Task ABureau_IsGranted_Accepts_ActsAudited_AndLosesItWhenRevokedOrEnded()
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = fixture.Factory;
        // The bureau's own company, its Admin (Rina) and a colleague (Dodi): members of it with their own passwords.
        var rina = await MemberAsync("Rina Biro", "19100000", MembershipRole.Admin);
        var dodi = await MemberAsync("Dodi Biro", "19100000", MembershipRole.Pemantau);
        var rinaBrowser = factory.NewBrowser();
        await rinaBrowser.ChooseCompanyAsync(await rinaBrowser.SignInAsync(rina, AccessSteps.Password, phone: null), "19100000", "000");

        // Rina registers her company as a bureau and adds Dodi as staff.
        await BureauForms.PostAsync(rinaBrowser, "/biro", "Register", ("Nama", "Gaji Prima"));
        var code = (await HtmlPage.GetAsync(rinaBrowser, "/biro")).GetElementById("kode-biro")!.TextContent.Trim();
        Assert.Matches("^BIRO-[A-Z2-9]{8}$", code);
        var dodiId = await UserIdAsync(dodi);
        await BureauForms.PostAsync(rinaBrowser, "/biro", "AddStaff", ("staf", dodiId.ToString()));
        Assert.Contains("Dodi Biro", (await HtmlPage.GetAsync(rinaBrowser, "/biro")).GetElementById("staf-biro")!.TextContent, StringComparison.Ordinal);

        // The client's Admin grants the head office (not Surabaya) as Operator; a wrong code is refused in Indonesian.
        var hr = await fixture.HrAsync("10000001", "000");
        var (head, surabaya) = (await factory.DivisionAsync("10000001", "000"), await factory.DivisionAsync("10000001", "001"));
        var wrong = await BureauForms.PostAsync(hr, "/pengguna/akses-biro", "Grant", ("KodeBiro", "BIRO-XXXXXXXX"), ("Divisi", head.ToString()), ("Peran", "Operator"), ("BerlakuSampai", "01/03/2027"));
        Assert.Contains("Kode Biro tidak dikenal", wrong.Body!.TextContent, StringComparison.Ordinal);
        var asAdmin = await BureauForms.PostAsync(hr, "/pengguna/akses-biro", "Grant", ("KodeBiro", code), ("Divisi", head.ToString()), ("Peran", "Admin"), ("BerlakuSampai", "01/03/2027"));
        Assert.Contains("Pilih peran biro", asAdmin.Body!.TextContent, StringComparison.Ordinal);
        var granted = await BureauForms.PostAsync(hr, "/pengguna/akses-biro", "Grant", ("KodeBiro", code.ToLowerInvariant()), ("Divisi", head.ToString()), ("Peran", "Operator"), ("BerlakuSampai", "01/03/2027"));
        Assert.Contains("Menunggu diterima biro", granted.GetElementById("daftar-akses-biro")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await OutboxAsync(rina), m => m.Subject == "Permintaan Akses Biro");

        // Not yet accepted: Dodi has no way in.
        var dodiBrowser = factory.NewBrowser();
        await dodiBrowser.SignInAsync(dodi, AccessSteps.Password, phone: null);
        Assert.DoesNotContain("10000001", (await HtmlPage.GetAsync(dodiBrowser, "/pilih-perusahaan")).GetElementById("daftar-perusahaan")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, await BureauForms.StatusOfPostAsync(dodiBrowser, "/pilih-perusahaan", null, ("divisionId", head.ToString())));

        // Only a bureau admin accepts: Dodi's crafted post is refused; Rina accepts, and the client's Admin is told.
        var grantId = await GrantIdAsync(head);
        Assert.Equal(HttpStatusCode.Forbidden, await BureauForms.StatusOfPostAsync(dodiBrowser, "/biro", "Accept", ("id", grantId.ToString())));
        await BureauForms.PostAsync(rinaBrowser, "/biro", "Accept", ("id", grantId.ToString()));
        Assert.Equal(BureauGrantStatus.Aktif, await StatusAsync(grantId));
        Assert.Contains(await OutboxAsync(Sipp.Web.Infrastructure.Data.DevelopmentSeed.CompanyUserEmail), m => m.Subject == "Akses Biro" && m.Body.Contains("menerima", StringComparison.Ordinal));

        // Dodi now works in the head office as Operator, through the bureau; every change is audited in his name, for the client.
        var choose = await HtmlPage.GetAsync(dodiBrowser, "/pilih-perusahaan");
        Assert.Contains("melalui Biro Gaji Prima", choose.GetElementById("daftar-perusahaan")!.TextContent, StringComparison.Ordinal);
        await dodiBrowser.ChooseCompanyAsync(choose, "10000001", "000");
        var workers = await HtmlPage.GetAsync(dodiBrowser, "/tenaga-kerja");
        Assert.Contains("Biro Gaji Prima atas nama PT Maju Bersama", workers.GetElementById("atas-nama")!.TextContent, StringComparison.Ordinal);
        var computed = await HtmlPage.GetAsync(dodiBrowser, "/iuran/hitung");
        await computed.SubmitAsync(dodiBrowser, new Dictionary<string, string> { ["Periode"] = "2026-02" });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var audited = await db.AuditEvents.Where(a => a.Action == "iuran.hitung" && a.DivisionId == head).OrderByDescending(a => a.Id).FirstAsync(ct);
            Assert.Equal("Dodi Biro (Biro Gaji Prima) atas nama PT Maju Bersama", audited.ActorName);
            Assert.Equal(dodiId, audited.ActorUserId);
        }

        // His next login opens the client he chose last (his own company and the client are both his to choose).
        var again = factory.NewBrowser();
        var landed = await again.SignInAsync(dodi, AccessSteps.Password, phone: null);
        Assert.Contains("PT Maju Bersama", landed.GetElementById("perusahaan-aktif")!.TextContent, StringComparison.Ordinal);

        // An Operator through a bureau is no Admin of the client, and Surabaya was never granted.
        Assert.Equal(HttpStatusCode.Forbidden, await dodiBrowser.StatusOfAsync("/pengguna"));
        Assert.Equal(HttpStatusCode.Forbidden, await dodiBrowser.StatusOfAsync("/pengguna/akses-biro"));
        Assert.Equal(HttpStatusCode.Forbidden, await BureauForms.StatusOfPostAsync(dodiBrowser, "/pilih-perusahaan", null, ("divisionId", surabaya.ToString())));
        var compute = await BureauForms.PostAsync(dodiBrowser, "/biro/portofolio", "Compute", ("periode", "2026-03"), ("divisi", surabaya.ToString()));
        Assert.Contains("Anda tidak memiliki akses ke divisi ini", compute.GetElementById("hasil-hitung")!.TextContent, StringComparison.Ordinal);

        // The Admin revokes: Dodi's very next request no longer has the head office.
        var listed = await HtmlPage.GetAsync(hr, "/pengguna/akses-biro");
        Assert.Contains("Aktif", listed.GetElementById("daftar-akses-biro")!.TextContent, StringComparison.Ordinal);
        await BureauForms.PostAsync(hr, "/pengguna/akses-biro", "Revoke", ("id", grantId.ToString()), ("konfirmasi", "ya"));
        Assert.Equal(BureauGrantStatus.Dicabut, await StatusAsync(grantId));
        Assert.Contains(await OutboxAsync(rina), m => m.Subject == "Akses Biro dicabut");
        Assert.NotEqual(HttpStatusCode.OK, await factory.WithoutRedirects(dodiBrowser).GetAsync("/tenaga-kerja", ct) is var r ? r.StatusCode : default);
        Assert.DoesNotContain("10000001", (await HtmlPage.GetAsync(dodiBrowser, "/pilih-perusahaan")).GetElementById("daftar-perusahaan")?.TextContent ?? "", StringComparison.Ordinal);

        // A new grant (as Pemantau) until a date: the day after it, the staff's next request no longer has it.
        await BureauForms.PostAsync(hr, "/pengguna/akses-biro", "Grant", ("KodeBiro", code), ("Divisi", head.ToString()), ("Peran", "Pemantau"), ("BerlakuSampai", "31/03/2026"));
        var second = await GrantIdAsync(head);
        await BureauForms.PostAsync(rinaBrowser, "/biro", "Accept", ("id", second.ToString()));
        await dodiBrowser.ChooseCompanyAsync(await HtmlPage.GetAsync(dodiBrowser, "/pilih-perusahaan"), "10000001", "000");
        Assert.Equal(HttpStatusCode.OK, await dodiBrowser.StatusOfAsync("/tenaga-kerja"));
        Assert.Equal(HttpStatusCode.Forbidden, await dodiBrowser.StatusOfAsync("/tenaga-kerja/tambah")); // a Pemantau now
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The end date passes (the session would not survive moving the clock a month: the date moves instead).
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            await db.BureauGrants.Where(g => g.Id == second).ExecuteUpdateAsync(g => g.SetProperty(x => x.EndsOn, new DateOnly(2026, 3, 1)), ct);
        }

        Assert.NotEqual(HttpStatusCode.OK, (await factory.WithoutRedirects(dodiBrowser).GetAsync("/tenaga-kerja", ct)).StatusCode);
        Assert.Contains("Kedaluwarsa", (await HtmlPage.GetAsync(hr, "/pengguna/akses-biro")).GetElementById("daftar-akses-biro")!.TextContent, StringComparison.Ordinal);

        // Every step is in the client's activity history.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var actions = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.Where(a => a.DivisionId == head && a.Action.StartsWith("biro."))
                .Select(a => a.Action).ToListAsync(ct);
            Assert.Equal(2, actions.Count(a => a == "biro.beriAkses"));
            Assert.Equal(2, actions.Count(a => a == "biro.terimaAkses"));
            Assert.Single(actions, a => a == "biro.cabutAkses");
        }
    }

    private async Task<string> MemberAsync(string name, string npp, MembershipRole role)
    {
        var email = name.ToLowerInvariant().Replace(' ', '.') + "@gajiprima.co.id";
        await fixture.Factory.MemberAsync(email, name, npp, "000", role, "PT Gaji Prima Konsultan");
        return email;
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<Guid> GrantIdAsync(Guid division)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().BureauGrants.Where(g => g.DivisionId == division && g.Status == BureauGrantStatus.Menunggu)
            .Select(g => g.Id).SingleAsync();
    }

    private async Task<BureauGrantStatus> StatusAsync(Guid grant)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().BureauGrants.Where(g => g.Id == grant).Select(g => g.Status).SingleAsync();
    }

    private async Task<List<OutboxMessageDto>> OutboxAsync(string to) =>
        (await fixture.Factory.NewBrowser().OutboxAsync()).Where(m => m.To == to && m.Channel == "email").ToList();

    public sealed class Fixture : SeededWebFixture;
}
