using Sipp.Data.Accounts;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Workers;

/// <summary>A user of one company division walks every worker page and form with another division's ids: all refused.</summary>
public class TenantIsolationTests(TenantIsolationTests.Fixture fixture) : IClassFixture<TenantIsolationTests.Fixture>
{
    /// <summary>Who attacks: another company's HR user, or a bureau's staff granted (as Operator) another company only (issue 19).</summary>
    public static readonly string[] Attackers = ["perusahaan lain", "staf biro"];

    public static TheoryData<string, string> Pages => Across(["/tenaga-kerja/{0}", "/tenaga-kerja/{0}/ubah", "/tenaga-kerja/{0}/upah", "/tenaga-kerja/{0}/non-aktif"]);

    public static TheoryData<string, string, string> Forms
    {
        get
        {
            var forms = new Dictionary<string, string>
            {
                ["/tenaga-kerja/{0}/ubah"] = "Isian[Nama Lengkap]=Diubah Orang Lain&Isian[Tempat Lahir]=X&Isian[Nama Ibu Kandung]=Y&Isian[Status Kawin]=Kawin&Isian[Alamat]=Z&Isian[Kode Pos]=12345",
                ["/tenaga-kerja/{0}/upah"] = "Isian[Upah]=1&Isian[Periode Mulai]=2026-06",
                ["/tenaga-kerja/{0}/non-aktif"] = "Isian[Tanggal Non Aktif]=2026-06-01&Isian[Alasan]=Phk&konfirmasi=ya",
            };
            var data = new TheoryData<string, string, string>();
            foreach (var attacker in Attackers)
            {
                foreach (var (page, body) in forms)
                {
                    data.Add(attacker, page, body);
                }
            }

            return data;
        }
    }

    private static TheoryData<string, string> Across(string[] pages)
    {
        var data = new TheoryData<string, string>();
        foreach (var attacker in Attackers)
        {
            foreach (var page in pages)
            {
                data.Add(attacker, page);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryWorkerPage_AnswersNotFound_ForAnotherDivisionsWorker(string attacker, string page)
    {
        var (browser, foreign) = await SignedInElsewhereAsync(attacker);

        Assert.Equal(HttpStatusCode.NotFound, await browser.StatusOfAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, foreign.Id)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EveryWorkerForm_ChangesNothing_ForAnotherDivisionsWorker(string attacker, string page, string body)
    {
        var (browser, foreign) = await SignedInElsewhereAsync(attacker);
        var token = (await HtmlPage.GetAsync(browser, "/tenaga-kerja")).QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!;
        using var content = new StringContent(body + "&__RequestVerificationToken=" + Uri.EscapeDataString(token), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await fixture.Factory.WithoutRedirects(browser).PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, foreign.Id), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var after = await db.Employments.Include(e => e.Participant).Include(e => e.WageHistory).SingleAsync(e => e.Id == foreign.Id, TestContext.Current.CancellationToken);
        Assert.Equal(EmploymentStatus.Aktif, after.Status);
        Assert.Equal(foreign.Name, after.Participant.FullName);
        Assert.DoesNotContain(after.WageHistory, w => w.EffectiveFrom == Period.Of(2026, 6));
    }

    public static TheoryData<string> Attacking => new(Attackers);

    [Theory]
    [MemberData(nameof(Attacking))]
    public async Task SearchingForAnotherDivisionsKpjOrNik_FindsNothing(string attacker)
    {
        var (browser, foreign) = await SignedInElsewhereAsync(attacker);

        foreach (var term in new[] { foreign.Kpj, foreign.Nik, foreign.Name })
        {
            var list = await HtmlPage.GetAsync(browser, "/tenaga-kerja?Cari=" + Uri.EscapeDataString(term));
            Assert.DoesNotContain(list.QuerySelectorAll("#daftar-tenaga-kerja tbody tr"), r => r.TextContent.Contains(foreign.Kpj, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnotherEmployer_AddingAPersonWithTheirKpj_ReadsNothingTheFirstEmployerEntered_AndCannotChangeWhatItSees()
    {
        var ct = TestContext.Current.CancellationToken;
        var (employerB, foreign) = await SignedInElsewhereAsync(skip: 7);
        (string? Address, string? Phone, string? Mother, string? Place, DateOnly Birth) a;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var e = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments.Include(x => x.Participant).SingleAsync(x => x.Id == foreign.Id, ct);
            a = (e.Address, e.Phone, e.MotherMaidenName, e.BirthPlace, e.Participant.BirthDate);
        }

        Assert.NotNull(a.Address);
        var form = await HtmlPage.GetAsync(employerB, "/tenaga-kerja/tambah?Jalur=ya");
        var added = await HtmlPage.ParseAsync(await form.SubmitAsync(employerB, new Dictionary<string, string>
        {
            ["Nomor Peserta (KPJ)"] = foreign.Kpj, ["NIK"] = foreign.Nik, ["Tanggal Lahir"] = a.Birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Status Pegawai"] = "PKWTT", ["Tanggal Mulai Kerja"] = "2026-03-02", ["Tanggal Mulai Kepesertaan"] = "2026-03-02", ["Upah"] = "6000000",
        }));
        Assert.Equal("Aktif", added.GetElementById("status-tenaga-kerja")!.TextContent.Trim());
        var pageOfB = new Uri(added.Url).AbsolutePath;

        // What employer A entered is on none of B's pages: the detail, the edit form, the list.
        var editOfB = await HtmlPage.GetAsync(employerB, pageOfB + "/ubah");
        foreach (var html in new[] { added.Body!.OuterHtml, editOfB.Body!.OuterHtml, (await HtmlPage.GetAsync(employerB, "/tenaga-kerja?Cari=" + foreign.Kpj)).Body!.OuterHtml })
        {
            Assert.DoesNotContain(a.Address!, html, StringComparison.Ordinal);
            Assert.DoesNotContain(a.Phone!, html, StringComparison.Ordinal);
            Assert.DoesNotContain(a.Mother!, html, StringComparison.Ordinal);
            Assert.DoesNotContain(a.Place!, html, StringComparison.Ordinal);
        }

        // B fills in its own contact data, and tries to rename the person by posting the name field the form no longer offers.
        Assert.NotNull(editOfB.GetElementById("identitas-terkunci"));
        var token = editOfB.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Isian[Nama Lengkap]"] = "Nama Diganti B", ["Isian[Tanggal Lahir]"] = "1970-01-01", ["Isian[Tempat Lahir]"] = "Medan", ["Isian[Nama Ibu Kandung]"] = "Ibu Versi B",
            ["Isian[Status Kawin]"] = "Kawin", ["Isian[Alamat]"] = "Jl. Versi B 9", ["Isian[Kode Pos]"] = "20111", ["Isian[Nomor Handphone]"] = "081299990000",
            ["__RequestVerificationToken"] = token,
        });
        Assert.Equal(HttpStatusCode.OK, (await employerB.PostAsync(pageOfB + "/ubah", body, ct)).StatusCode);

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var ofA = await db.Employments.Include(x => x.Participant).SingleAsync(x => x.Id == foreign.Id, ct);
            Assert.Equal((a.Address, a.Phone, a.Mother, a.Place), (ofA.Address, ofA.Phone, ofA.MotherMaidenName, ofA.BirthPlace));
            Assert.Equal(foreign.Name, ofA.Participant.FullName);
            Assert.Equal(a.Birth, ofA.Participant.BirthDate);
            var ofB = await db.Employments.SingleAsync(x => x.ParticipantId == ofA.ParticipantId && x.Id != ofA.Id, ct);
            Assert.Equal(("Jl. Versi B 9", "+6281299990000"), (ofB.Address, ofB.Phone));
        }

        var employerA = fixture.Factory.NewBrowser();
        await employerA.ChooseCompanyAsync(await employerA.SignInAsHrdAsync(), "10000001", "000");
        var detailOfA = await HtmlPage.GetAsync(employerA, $"/tenaga-kerja/{foreign.Id}");
        Assert.Contains(a.Address!, detailOfA.GetElementById("data-pribadi-isi")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Versi B", detailOfA.Body!.OuterHtml, StringComparison.Ordinal);

        // A shared fact changes only through an officer, and shows in A's audit trail.
        var officer = fixture.Factory.NewBrowser();
        await officer.SignInAsync(Sipp.Web.Infrastructure.Data.DevelopmentSeed.OfficerEmail, Sipp.Web.Infrastructure.Data.DevelopmentSeed.OfficerPassword, phone: null);
        var registry = await HtmlPage.GetAsync(officer, "/backoffice/peserta?Kpj=" + foreign.Kpj);
        Assert.Contains("2 pemberi kerja", registry.GetElementById("jumlah-pemberi-kerja")!.TextContent, StringComparison.Ordinal);
        var saved = await HtmlPage.ParseAsync(await registry.SubmitAsync(officer, new Dictionary<string, string> { ["Nama Lengkap"] = foreign.Name + " Putri" }));
        Assert.Contains("2 pemberi kerja", saved.GetElementById("pesan")!.TextContent, StringComparison.Ordinal);

        var trailOfA = (await HtmlPage.GetAsync(employerA, $"/tenaga-kerja/{foreign.Id}")).GetElementById("jejak-audit")!.TextContent;
        Assert.Contains("Data identitas peserta diubah", trailOfA, StringComparison.Ordinal);
        Assert.Contains(foreign.Name + " Putri", trailOfA, StringComparison.Ordinal);
        var trailOfB = (await HtmlPage.GetAsync(employerB, pageOfB)).GetElementById("jejak-audit")!.TextContent;
        Assert.Contains("Data identitas peserta diubah", trailOfB, StringComparison.Ordinal);
    }

    /// <summary>The seed's HRD acting for CV Sinar Abadi, and a worker of PT Maju Bersama.</summary>
    private async Task<(HttpClient Browser, (Guid Id, string Kpj, string Nik, string Name) Foreign)> SignedInElsewhereAsync(string attacker = "perusahaan lain", int skip = 3)
    {
        HttpClient browser;
        if (attacker == "staf biro")
        {
            browser = await fixture.Factory.BureauStaffInAsync("Biro Lain", "Staf Lain", "10000002", "000", MembershipRole.Operator);
        }
        else
        {
            browser = fixture.Factory.NewBrowser();
            await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000002", "000");
        }

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var foreign = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
            .Where(e => e.Division.Company.Npp == "10000001" && e.Status == EmploymentStatus.Aktif).OrderBy(e => e.Participant.Kpj).Skip(skip)
            .Select(e => new { e.Id, e.Participant.Kpj, e.Participant.Nik, e.Participant.FullName }).FirstAsync(TestContext.Current.CancellationToken);
        return (browser, (foreign.Id, foreign.Kpj!, foreign.Nik!, foreign.FullName));
    }

    public sealed class Fixture : SeededWebFixture;
}
