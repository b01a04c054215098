using Sipp.Domain.Workers;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Workers;
using Sipp.Domain.Identifiers;
using AngleSharp.Html.Dom;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Reports;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;
using Sipp.Web.Tests.Reports;

namespace Sipp.Web.Tests.Seed;

/// <summary>The development seed of product.md §12, through the real host starting in Development.</summary>
public class DevelopmentSeedTests
{
    private static readonly Dictionary<string, string?> SeedOn = new() { ["Database:Seed"] = "true" };

    [Theory]
    [DatabaseData]
    public async Task FirstStart_InDevelopment_CreatesTheDemoData_AndASecondStartChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider, "seed");
        var first = await SnapshotAfterStartAsync(database);
        var second = await SnapshotAfterStartAsync(database);

        Assert.Equal(first, second);
        // 300 seeded workers and last month's joiner; last month's leaver keeps the head office at 100 active workers.
        Assert.Equal((2, 3, 301, 300, 3, 3), (first.Companies, first.Divisions, first.Workers, first.ActiveWorkers, first.Users, first.Memberships));
        Assert.Equal((1, 1, 1), (first.Periods, first.Bills, first.Payments));

        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var maju = await db.Companies.Include(c => c.Divisions).SingleAsync(c => c.Npp == "10000001", ct);
        Assert.Equal(("PT Maju Bersama", 2, true), (maju.Name, maju.JkkRiskClass, maju.TakesPartInJp));
        Assert.Equal(["000", "001"], maju.Divisions.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.Equal("Cabang Surabaya", maju.Divisions.Single(d => d.Code == "001").Name);
        var sinar = await db.Companies.Include(c => c.Divisions).SingleAsync(c => c.Npp == "10000002", ct);
        Assert.Equal(("CV Sinar Abadi", 1, false), (sinar.Name, sinar.JkkRiskClass, sinar.TakesPartInJp));

        foreach (var division in await db.Divisions.ToListAsync(ct))
        {
            Assert.Equal(100, await db.Employments.CountAsync(e => e.DivisionId == division.Id && e.Status == EmploymentStatus.Aktif, ct));
        }

        var budi = await db.Participants.Include(p => p.Employments).ThenInclude(e => e.Division).ThenInclude(d => d.Company)
            .SingleAsync(p => p.Nik == "3171011705900001", ct);
        var budiJob = Assert.Single(budi.Employments);
        Assert.Equal(("Budi Santoso", "90000000001", new DateOnly(1990, 5, 17), "+6281234567890"), (budi.FullName, budi.Kpj, budi.BirthDate, budiJob.Phone));
        Assert.Equal(("10000001", "000", EmploymentStatus.Aktif), (budiJob.Division.Company.Npp, budiJob.Division.Code, budiJob.Status));

        // Every seeded person passes the identifier rules, with NIK matching birth date and sex.
        var people = await db.Participants.Include(p => p.Employments).ToListAsync(ct);
        Assert.All(people, p =>
        {
            Assert.True(Nik.TryParse(p.Nik, out var nik, out var error), error);
            Assert.Null(nik.CheckAgainst(p.BirthDate, p.Sex));
            Assert.True(Kpj.TryParse(p.Kpj, out _, out _));
            Assert.True(PhoneNumber.TryParse(Assert.Single(p.Employments).Phone, out _, out _));
            Assert.True(PersonName.TryParse(p.FullName, out _, out _));
        });
        Assert.Equal(people.Count, people.Select(p => p.Nik).Distinct().Count());
        Assert.True(await db.Employments.AllAsync(e => e.WageHistory.Any(), ct));
    }

    [Theory]
    [DatabaseData]
    public async Task DemoAccounts_HaveTheDocumentedPasswordsAndRoles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider, "seedaccounts");
        await using var factory = new SippWebFactory(database, "Development", SeedOn);
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();

        var hrd = await users.FindByEmailAsync(DevelopmentSeed.CompanyUserEmail);
        Assert.NotNull(hrd);
        Assert.True(await users.CheckPasswordAsync(hrd, DevelopmentSeed.CompanyUserPassword));
        var roles = await db.Memberships.Where(m => m.UserId == hrd.Id).Select(m => m.Role).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([MembershipRole.Admin, MembershipRole.Admin, MembershipRole.Admin], roles);
        Assert.Equal(DevelopmentSeed.CompanyUserKpj, await db.Participants.Where(p => p.Id == hrd.ParticipantId).Select(p => p.Kpj).SingleAsync(TestContext.Current.CancellationToken));

        var officer = await users.FindByEmailAsync(DevelopmentSeed.OfficerEmail);
        Assert.True(await users.CheckPasswordAsync(officer!, DevelopmentSeed.OfficerPassword));
        Assert.True(await users.IsInRoleAsync(officer!, SystemRoles.Officer));
        var administrator = await users.FindByEmailAsync(DevelopmentSeed.AdministratorEmail);
        Assert.True(await users.CheckPasswordAsync(administrator!, DevelopmentSeed.AdministratorPassword));
        Assert.True(await users.IsInRoleAsync(administrator!, SystemRoles.Administrator));
        Assert.False(await users.CheckPasswordAsync(administrator!, DevelopmentSeed.OfficerPassword));

        // The calculator answers from the rules stored in this database.
        var response = await factory.CreateClient().PostAsJsonAsync(
            "/api/v1/iuran/simulasi", new { periode = "2026-03", upah = 12_000_000, tanggalLahir = "1990-05-17" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ANewcomer_DownloadsEveryReportOfThePaidSeedMonth_InEachFormat_AndVerifiesItsReceipt()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, "seedpaid");
        await using var factory = new SippWebFactory(database, "Development", SeedOn); // its clock: 2 March 2026
        var browser = factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "000");
        var ct = TestContext.Current.CancellationToken;

        var reports = await HtmlPage.GetAsync(browser, "/laporan");

        Assert.Equal("2026-02", ((IHtmlSelectElement)reports.QuerySelector("#periode")!).Value); // the latest month with contributions
        Assert.Contains("Februari 2026 — Lunas", reports.QuerySelector("#periode option[selected]")!.TextContent, StringComparison.Ordinal);
        var links = reports.QuerySelectorAll("#daftar-laporan a[download]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(ReportCatalog.All.Count * 4, links.Count); // PDF, XLSX, CSV and CSV (;) of every report, the receipt included

        var files = new Dictionary<string, byte[]>();
        foreach (var link in links)
        {
            using var response = await browser.GetAsync(link, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            files[link] = await response.Content.ReadAsByteArrayAsync(ct);
        }

        await using var db = database.NewContext();
        var period = await db.ContributionPeriods.Include(p => p.Division).ThenInclude(d => d.Company)
            .SingleAsync(p => p.Division.Company.Npp == "10000001" && p.Division.Code == "000", ct);
        var payment = await db.Payments.Include(p => p.Bill).SingleAsync(p => p.Bill.PeriodId == period.Id, ct);
        Assert.Equal((PeriodStatus.Lunas, Period.Of(2026, 2), 0L), (period.Status, period.Period, payment.Bill.FineAmount)); // paid in time
        var lines = await db.ContributionLines.Where(l => l.PeriodId == period.Id).ToListAsync(ct);
        Assert.Equal(101, lines.Count); // 99 staying, the joiner and the leaver

        foreach (var report in ReportCatalog.All)
        {
            var baseUrl = $"/laporan/2026-02/{report.Slug}";
            var pdf = string.Join(" ", ReportFiles.PdfPages(files[baseUrl + ".pdf"]));
            var xlsx = ReportFiles.Xlsx(files[baseUrl + ".xlsx"]).Rows;
            var csv = ReportFiles.Csv(files[baseUrl + ".csv"]);
            var semicolon = ReportFiles.Csv(files[baseUrl + ".csv?pemisah=titik-koma"], ';');
            Assert.Contains(report.Title, pdf, StringComparison.Ordinal);
            Assert.Contains(xlsx, r => r.Length > 0 && r[0] == report.Title);
            Assert.Equal(csv, semicolon);
        }

        var details = ReportFiles.Csv(files["/laporan/2026-02/rincian-iuran.csv"]);
        Assert.Equal(lines.Count, details.Count - 2);
        Assert.Equal(lines.Sum(l => l.Total), ReportFiles.Number(details[^1][^1]));
        Assert.Equal(payment.Bill.ContributionAmount, lines.Sum(l => l.Total));
        Assert.Contains(ReportFiles.Csv(files["/laporan/2026-02/tenaga-kerja-baru.csv"]), r => r[0] == "Rina Kartika Sari" && r[1] == PaidMonthSeed.JoinerKpj);
        var leaver = await db.Participants.Where(p => p.Kpj == PaidMonthSeed.LeaverKpj).Select(p => p.FullName).SingleAsync(ct);
        Assert.Equal(["Nama", leaver], ReportFiles.Csv(files["/laporan/2026-02/tenaga-kerja-keluar.csv"]).Select(r => r[0]).Take(2));

        var receipt = string.Join(" ", ReportFiles.PdfPages(files["/laporan/2026-02/bukti-pembayaran.pdf"]));
        Assert.Contains(payment.ReceiptCode, receipt, StringComparison.Ordinal);
        var check = await HtmlPage.GetAsync(factory.CreateClient(), "/cek-bukti/" + payment.ReceiptCode);
        Assert.Contains("Bukti pembayaran asli", check.GetElementById("hasil-cek")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(payment.Bill.KodeIuran, check.GetElementById("hasil-cek")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 11, 30)] // late in the month: the paid month's due date is long past
    [InlineData(2027, 1, 3)]   // early in the month: paid "today", the bill issued on the 1st
    public async Task ThePaidSeedMonth_IsPaidAfterItsBillWasIssued_WhateverTheDayOfStart(int year, int month, int day)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, "seedday");
        await using (var factory = new SippWebFactory(database, "Development", SeedOn, ownsDatabase: false))
        {
            factory.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));
            _ = factory.Server;
        }

        await using var db = database.NewContext();
        var payment = await db.Payments.Include(p => p.Bill).SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(DateOnly.FromDateTime(payment.Bill.IssuedAt) <= payment.PaidOn);
        Assert.True(payment.PaidOn <= payment.Bill.DueDate); // paid in time: no fine on the demo data
    }

    [Fact]
    public async Task TheDemoBureau_SignsInWithItsPublishedPassword_AndSeesItsTwoClients_OnceHoweverOftenItStarts()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, "seedbureau");
        var settings = new Dictionary<string, string?>(SeedOn) { ["Database:SeedDemoBureau"] = "true", ["Database:SeedPaidMonth"] = "false" };
        await using (var first = new SippWebFactory(database, "Development", settings, ownsDatabase: false))
        {
            _ = first.Server;
        }

        await using var factory = new SippWebFactory(database, "Development", settings, ownsDatabase: false);
        var browser = factory.NewBrowser();
        await browser.SignInAsync(DemoBureauSeed.StaffEmail, DemoBureauSeed.StaffPassword, phone: null);
        var portfolio = await HtmlPage.GetAsync(browser, "/biro/portofolio");
        Assert.Equal(["PT Maju Bersama", "CV Sinar Abadi"], portfolio.QuerySelectorAll("#portofolio tbody th").Select(h => h.ChildNodes[0].TextContent.Trim()).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(DemoBureauSeed.Code, (await HtmlPage.GetAsync(browser, "/biro")).GetElementById("kode-biro")!.TextContent.Trim());
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Bureaus.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await db.BureauGrants.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OutsideDevelopment_NothingIsSeeded()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, "noseed");
        await using var factory = new SippWebFactory(database, "Production", new Dictionary<string, string?>
        {
            ["Database:Seed"] = null,
            ["Security:ForwardedHeaders:Enabled"] = "true",
        });
        _ = factory.Server;

        await using var db = database.NewContext();
        Assert.Equal(0, await db.Companies.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.RuleEntries.AnyAsync(TestContext.Current.CancellationToken)); // the rules are not demo data
    }

    private static async Task<Snapshot> SnapshotAfterStartAsync(TestDatabase database)
    {
        await using (var factory = new SippWebFactory(database, "Development", SeedOn, ownsDatabase: false))
        {
            _ = factory.Server;
        }

        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        return new Snapshot(
            await db.Companies.CountAsync(ct),
            await db.Divisions.CountAsync(ct),
            await db.Employments.CountAsync(ct),
            await db.Employments.CountAsync(e => e.Status == EmploymentStatus.Aktif, ct),
            await db.Users.CountAsync(ct),
            await db.Memberships.CountAsync(ct),
            await db.WageChanges.CountAsync(ct),
            await db.RuleEntries.CountAsync(ct),
            await db.ContributionPeriods.CountAsync(ct),
            await db.Bills.CountAsync(ct),
            await db.Payments.CountAsync(ct));
    }

    private sealed record Snapshot(int Companies, int Divisions, int Workers, int ActiveWorkers, int Users, int Memberships, int Wages, int Rules, int Periods, int Bills, int Payments);
}
