using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;
using Sipp.Domain.Workers;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Audit;

/// <summary>
/// Issue 16: the audit trail was developer output (raw JSON, codes, UTC). "Riwayat Aktivitas" shows a division's
/// activity in words, by name, in Jakarta time, filtered by person, action and month, and downloads as CSV — for the
/// division's Admins only, and only that division's activity.
/// </summary>
public class ActivityHistoryTests(ActivityHistoryTests.Fixture fixture) : IClassFixture<ActivityHistoryTests.Fixture>
{
    [Fact]
    public async Task AnAdmin_ReadsTheDivisionsActivityInWords_FiltersIt_AndDownloadsIt()
    {
        var hrd = fixture.Factory.NewBrowser();
        await hrd.ChooseCompanyAsync(await hrd.SignInAsHrdAsync(), "10000001", "000");
        var (worker, hrdId, hrdName) = await WorkerAndHrdAsync();
        var month = Period.Containing(fixture.Factory.Clock.JakartaToday());
        var form = await HtmlPage.GetAsync(hrd, $"/tenaga-kerja/{worker}/upah");
        await form.SubmitAsync(hrd, new Dictionary<string, string> { ["Upah"] = "Rp 7.000.000", ["Periode Mulai"] = month.ToString() });

        var changes = await HtmlPage.GetAsync(hrd, $"/riwayat-aktivitas?Aktivitas=tenagaKerja.ubahUpah&Orang={hrdId}&Periode={month}");
        var rows = changes.QuerySelectorAll("#riwayat tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        var otherMonth = await HtmlPage.GetAsync(hrd, $"/riwayat-aktivitas?Aktivitas=tenagaKerja.ubahUpah&Periode={month.AddMonths(-13)}");
        var everything = await HtmlPage.GetAsync(hrd, "/riwayat-aktivitas");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(hrdName, r[1]));
        Assert.All(rows, r => Assert.EndsWith(" WIB", r[0], StringComparison.Ordinal));
        Assert.Contains(rows, r => r[2].StartsWith("Upah diubah dari Rp ", StringComparison.Ordinal) && r[2].EndsWith($"menjadi Rp 7.000.000 mulai {month.ToDisplayString()}", StringComparison.Ordinal));
        Assert.Empty(otherMonth.QuerySelectorAll("#riwayat tbody tr"));
        var all = everything.QuerySelector("#riwayat")!.TextContent;
        Assert.DoesNotContain("tenagaKerja.", all, StringComparison.Ordinal); // no codes
        Assert.DoesNotContain("{\"", all, StringComparison.Ordinal); // no JSON
        Assert.DoesNotContain("\\u002B", all, StringComparison.Ordinal);

        var csv = await hrd.GetStringAsync($"/riwayat-aktivitas.csv?Aktivitas=tenagaKerja.ubahUpah&Orang={hrdId}&Periode={month}", TestContext.Current.CancellationToken);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Waktu (WIB),Oleh,Aktivitas,Kode", lines[0]);
        Assert.Equal(rows.Count, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains("menjadi Rp 7.000.000", StringComparison.Ordinal) && l.EndsWith(",tenagaKerja.ubahUpah", StringComparison.Ordinal));
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents
            .AnyAsync(a => a.Action == "riwayatAktivitas.unduh" && a.ActorUserId == hrdId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnotherDivisionsActivity_IsNotShown()
    {
        var hrd = fixture.Factory.NewBrowser();
        await hrd.ChooseCompanyAsync(await hrd.SignInAsHrdAsync(), "10000001", "000");
        Guid elsewhere;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            elsewhere = await db.Divisions.Where(d => d.Company.Npp == "10000002").Select(d => d.Id).FirstAsync(TestContext.Current.CancellationToken);
            db.AuditEvents.Add(new Sipp.Data.Audit.AuditEvent
            {
                OccurredAt = fixture.Factory.Clock.GetUtcNow().UtcDateTime, ActorName = "Orang Lain", DivisionId = elsewhere, Action = "perusahaan.ubah",
                After = "{\"nama\":\"PT Rahasia Divisi Lain\"}",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = await HtmlPage.GetAsync(hrd, "/riwayat-aktivitas?Aktivitas=perusahaan.ubah");
        var csv = await hrd.GetStringAsync("/riwayat-aktivitas.csv?Aktivitas=perusahaan.ubah", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("PT Rahasia Divisi Lain", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("PT Rahasia Divisi Lain", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MembershipRole.Operator)]
    [InlineData(MembershipRole.Pemantau)]
    public async Task OnlyAdmins_ReadTheActivity(MembershipRole role)
    {
        var browser = fixture.Factory.NewBrowser();
        await fixture.SignInWithRoleAsync(browser, "10000001", "000", role);

        Assert.Equal(HttpStatusCode.Forbidden, await browser.StatusOfAsync("/riwayat-aktivitas"));
        Assert.Equal(HttpStatusCode.Forbidden, await browser.StatusOfAsync("/riwayat-aktivitas.csv"));
    }

    private async Task<(Guid Worker, Guid HrdId, string HrdName)> WorkerAndHrdAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var hrd = await db.Users.Where(u => u.Email == DevelopmentSeed.CompanyUserEmail).Select(u => new { u.Id, u.FullName }).SingleAsync(TestContext.Current.CancellationToken);
        var worker = await db.Employments.Where(e => e.Division.Company.Npp == "10000001" && e.Division.Code == "000" && e.Status == EmploymentStatus.Aktif && e.MembershipStartDate < new DateOnly(2025, 1, 1))
            .OrderBy(e => e.Participant.Kpj).Skip(3).Select(e => e.Id).FirstAsync(TestContext.Current.CancellationToken);
        return (worker, hrd.Id, hrd.FullName);
    }

    public sealed class Fixture : SeededWebFixture;
}
