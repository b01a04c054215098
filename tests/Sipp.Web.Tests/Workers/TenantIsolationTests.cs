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
    public static TheoryData<string> Pages => ["/tenaga-kerja/{0}", "/tenaga-kerja/{0}/ubah", "/tenaga-kerja/{0}/upah", "/tenaga-kerja/{0}/non-aktif"];

    public static TheoryData<string, string> Forms => new()
    {
        { "/tenaga-kerja/{0}/ubah", "Isian[Nama Lengkap]=Diubah Orang Lain&Isian[Tempat Lahir]=X&Isian[Nama Ibu Kandung]=Y&Isian[Status Kawin]=Kawin&Isian[Alamat]=Z&Isian[Kode Pos]=12345" },
        { "/tenaga-kerja/{0}/upah", "Isian[Upah]=1&Isian[Periode Mulai]=2026-06" },
        { "/tenaga-kerja/{0}/non-aktif", "Isian[Tanggal Non Aktif]=2026-06-01&Isian[Alasan]=Phk" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryWorkerPage_AnswersNotFound_ForAnotherDivisionsWorker(string page)
    {
        var (browser, foreign) = await SignedInElsewhereAsync();

        Assert.Equal(HttpStatusCode.NotFound, await browser.StatusOfAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, foreign.Id)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EveryWorkerForm_ChangesNothing_ForAnotherDivisionsWorker(string page, string body)
    {
        var (browser, foreign) = await SignedInElsewhereAsync();
        var token = (await HtmlPage.GetAsync(browser, "/tenaga-kerja")).QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!;
        using var content = new StringContent(body + "&__RequestVerificationToken=" + Uri.EscapeDataString(token), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await fixture.Factory.WithoutRedirects(browser).PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, foreign.Id), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
        var after = await db.Employments.Include(e => e.Participant).Include(e => e.WageHistory).SingleAsync(e => e.Id == foreign.Id, TestContext.Current.CancellationToken);
        Assert.Equal(EmploymentStatus.Aktif, after.Status);
        Assert.Equal(foreign.Name, after.Participant.FullName);
        Assert.DoesNotContain(after.WageHistory, w => w.EffectiveFrom == Period.Of(2026, 6));
    }

    [Fact]
    public async Task SearchingForAnotherDivisionsKpjOrNik_FindsNothing()
    {
        var (browser, foreign) = await SignedInElsewhereAsync();

        foreach (var term in new[] { foreign.Kpj, foreign.Nik, foreign.Name })
        {
            var list = await HtmlPage.GetAsync(browser, "/tenaga-kerja?Cari=" + Uri.EscapeDataString(term));
            Assert.DoesNotContain(list.QuerySelectorAll("#daftar-tenaga-kerja tbody tr"), r => r.TextContent.Contains(foreign.Kpj, StringComparison.Ordinal));
        }
    }

    /// <summary>The seed's HRD acting for CV Sinar Abadi, and a worker of PT Maju Bersama.</summary>
    private async Task<(HttpClient Browser, (Guid Id, string Kpj, string Nik, string Name) Foreign)> SignedInElsewhereAsync()
    {
        var browser = fixture.Factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000002", "000");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var foreign = await scope.ServiceProvider.GetRequiredService<SippDbContext>().Employments
            .Where(e => e.Division.Company.Npp == "10000001" && e.Status == EmploymentStatus.Aktif).OrderBy(e => e.Participant.Kpj).Skip(3)
            .Select(e => new { e.Id, e.Participant.Kpj, e.Participant.Nik, e.Participant.FullName }).FirstAsync(TestContext.Current.CancellationToken);
        return (browser, (foreign.Id, foreign.Kpj!, foreign.Nik!, foreign.FullName));
    }

    public sealed class Fixture : SeededWebFixture;
}
