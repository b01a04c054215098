using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Contributions;

/// <summary>
/// Reviewing a computed month before "Finalisasi": a joiner, a leaver, a raise and a correction are each found by a
/// filter (the chosen one with its count), the month is compared with the one before, and the warnings link to their lines.
/// </summary>
public class PeriodReviewTests(SeededWebFixture fixture) : IClassFixture<SeededWebFixture>
{
    private static readonly Period February = Period.Of(2026, 2), March = Period.Of(2026, 3);

    [Fact]
    public async Task EveryKindOfChange_IsFoundByItsFilter_AndTheMonthIsComparedWithTheOneBefore()
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = fixture.Factory;
        var division = await factory.DivisionAsync("10000001", "001");
        await factory.ComputeAsync(division, February);
        var (raised, corrected, leaver, joiner) = await ChangesInMarchAsync(division);
        await factory.ComputeAsync(division, March);
        var hrd = factory.NewBrowser();
        await hrd.ChooseCompanyAsync(await hrd.SignInAsHrdAsync(), "10000001", "001");
        var correction = await HtmlPage.GetAsync(hrd, $"/iuran/2026-03/koreksi/{corrected.Id}");
        await correction.SubmitAsync(hrd, new Dictionary<string, string> { ["Upah periode ini"] = "7654321" });

        var page = await HtmlPage.GetAsync(hrd, "/iuran/2026-03");

        int withoutJp, belowMinimum, before, after;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var periods = await db.ContributionPeriods.Where(p => p.DivisionId == division).ToDictionaryAsync(p => p.Period, ct);
            var region = await db.Divisions.Where(d => d.Id == division).Select(d => d.RegionCode).SingleAsync(ct);
            var minimum = (await scope.ServiceProvider.GetRequiredService<RuleTableProvider>().GetAsync(ct)).MinimumWageOn(region, March.FirstDay)!.Value;
            withoutJp = await db.ContributionLines.CountAsync(l => l.PeriodId == periods[March].Id && l.JpStatus != JpStatus.Due, ct);
            belowMinimum = await db.ContributionLines.CountAsync(l => l.PeriodId == periods[March].Id && l.Upah < minimum, ct);
            (before, after) = (periods[February].WorkerCount, periods[March].WorkerCount);
        }

        // Every filter's count is on the page; the correction made after the computation is counted too.
        Assert.Equal(["Baru (1)", "Keluar (1)", "Upah berubah (1)", "Dikoreksi (1)", $"Tanpa JP ({withoutJp})", $"Di bawah upah minimum ({belowMinimum})"],
            new[] { "baru", "keluar", "upah-berubah", "koreksi", "tanpa-jp", "di-bawah-upah-minimum" }.Select(k => Filter(page, k)));
        Assert.True(withoutJp > 0 && belowMinimum > 0);
        Assert.Equal($"Tanpa JP ({withoutJp})", Filter(await HtmlPage.GetAsync(hrd, "/iuran/2026-03?Saring=tanpa-jp"), "tanpa-jp"));
        Assert.Equal([joiner], await NamesAsync(hrd, "baru"));
        Assert.Equal([leaver.Name], await NamesAsync(hrd, "keluar"));
        Assert.Equal([raised.Name], await NamesAsync(hrd, "upah-berubah"));
        var correctedPage = await HtmlPage.GetAsync(hrd, "/iuran/2026-03?Saring=koreksi");
        Assert.Equal([corrected.Name], Names(correctedPage));
        Assert.Matches(@"^[A-Z][^@,]+, \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB$", correctedPage.QuerySelector("#rincian .koreksi-oleh")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("#peringatan li a"), a => a.GetAttribute("href") == "/iuran/2026-03?Saring=koreksi#rincian-judul");

        var workers = page.QuerySelectorAll("#perbandingan tbody tr").First(r => r.QuerySelector("th")!.TextContent == "Jumlah tenaga kerja").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([before.ToString(System.Globalization.CultureInfo.InvariantCulture), after.ToString(System.Globalization.CultureInfo.InvariantCulture), (after - before).ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture)], workers);
    }

    private static string Filter(IDocument page, string key) => page.GetElementById("saring-" + key)!.TextContent.Trim();

    private static List<string> Names(IDocument page) => page.QuerySelectorAll("#rincian tbody tr").Select(r => r.Children[0].TextContent.Trim()).ToList();

    private static async Task<List<string>> NamesAsync(HttpClient browser, string filter) => Names(await HtmlPage.GetAsync(browser, "/iuran/2026-03?Saring=" + filter));

    /// <summary>A raise from March, a worker to correct, a leaver on 20 March and a joiner from 10 March.</summary>
    private async Task<((Guid Id, string Name) Raised, (Guid Id, string Name) Corrected, (Guid Id, string Name) Leaver, string Joiner)> ChangesInMarchAsync(Guid division)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var workers = await db.Employments.Where(e => e.DivisionId == division && e.Status == EmploymentStatus.Aktif && e.MembershipStartDate < new DateOnly(2026, 1, 1)
                && !e.WageHistory.Any(w => w.EffectiveFrom == March))
            .OrderBy(e => e.SortName).Take(3).Select(e => new { e.Id, e.Participant.FullName }).ToListAsync();
        var raised = workers[0];
        var wage = await db.WageChanges.Where(w => w.EmploymentId == raised.Id).OrderByDescending(w => w.EffectiveFrom).Select(w => w.Upah).FirstAsync();
        db.WageChanges.Add(new WageChange { EmploymentId = raised.Id, EffectiveFrom = March, Upah = wage + 500_000, CreatedAt = DateTime.UtcNow });
        var leaver = await db.Employments.SingleAsync(e => e.Id == workers[2].Id);
        (leaver.Status, leaver.EndDate, leaver.EndReason) = (EmploymentStatus.NonAktif, new DateOnly(2026, 3, 20), EndReason.MengundurkanDiri);
        const string joiner = "Wahyu Joko Pranoto";
        var person = new Participant
        {
            Id = Guid.NewGuid(), Kpj = "90000009901", Nik = "3578011203950001", FullName = joiner, NameNormalized = joiner.ToUpperInvariant(),
            BirthDate = new DateOnly(1995, 3, 12), Sex = Sipp.Domain.People.Sex.Male, Citizenship = Sipp.Domain.People.Citizenship.Wni, CreatedAt = DateTime.UtcNow,
        };
        var start = new DateOnly(2026, 3, 10);
        var employment = new Employment
        {
            Id = Guid.NewGuid(), ParticipantId = person.Id, DivisionId = division, Status = EmploymentStatus.Aktif, EmploymentType = EmploymentType.Pkwtt,
            WorkStartDate = start, MembershipStartDate = start, RegisteredOn = start, CreatedAt = DateTime.UtcNow, VerifiedAt = DateTime.UtcNow,
        };
        employment.WageHistory.Add(new WageChange { EffectiveFrom = March, Upah = 5_100_000, CreatedAt = DateTime.UtcNow });
        db.AddRange(person, employment);
        await db.SaveChangesAsync();
        return ((raised.Id, raised.FullName), (workers[1].Id, workers[1].FullName), (workers[2].Id, workers[2].FullName), joiner);
    }
}
