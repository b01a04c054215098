using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Sipp.Domain.Periods;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Workers.Uploads;

/// <summary>
/// Issue 17, item 6: HR edits wages in Excel. The division's current workers download as the wage template filled with
/// today's wages; the same file uploaded back changes only the rows that were edited, and the check page says how many
/// rows are unchanged.
/// </summary>
public class WageRoundTripTests(WageRoundTripTests.Fixture fixture) : IClassFixture<WageRoundTripTests.Fixture>
{
    /// <summary>Sipp's own column names, and SIPP Online's (uploaded back through the one Upload entry, which recognises them).</summary>
    [Theory]
    [InlineData("", "upah", "KPJ", "Upah", "Periode Mulai", 3, 40)]
    [InlineData("?susunan=sipp-online", "otomatis", "NO_KPJ", "UPAH", "PERIODE_UPAH", 5, 41)]
    public async Task TheWorkersDownloadedWithTodaysWages_AndUploadedBack_ChangeOnlyTheEditedRows(
        string layout, string kind, string kpjColumn, string wageColumn, string periodColumn, int first, int second)
    {
        var browser = await fixture.HrAsync("10000002", "000");
        var current = Period.Containing(DateOnly.FromDateTime(fixture.Factory.Clock.GetUtcNow().AddHours(7).DateTime));

        var downloaded = await browser.GetByteArrayAsync("/tenaga-kerja/upload/upah-terisi.xlsx" + layout, TestContext.Current.CancellationToken);
        List<IDictionary<string, object?>> rows;
        using (var stream = new MemoryStream(downloaded))
        {
            rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        }

        Assert.Equal(await fixture.CurrentWorkersAsync(), rows.Count);
        Assert.True(await fixture.DownloadWasAuditedAsync(), "the download of a division's wages is an audit event");
        Assert.All(rows, r => Assert.Equal(current.ToString(), r[periodColumn]?.ToString()));
        var edited = new[] { rows[first], rows[second] };
        foreach (var row in edited)
        {
            row[wageColumn] = Convert.ToInt64(row[wageColumn], System.Globalization.CultureInfo.InvariantCulture) + 250_000;
        }

        var batch = await UploadTests.UploadAsync(browser, kind, "upah-diubah.xlsx", UploadFixtures.Xlsx(rows));

        Assert.Equal("Upload Perubahan Upah", batch.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"{rows.Count - 2} baris", batch.GetElementById("baris-tidak-berubah")!.TextContent, StringComparison.Ordinal);
        await UploadTests.ClickAsync(browser, batch, "Impor 2 Baris Valid");
        var changes = await fixture.WageChangesFromAsync(current);
        Assert.All(edited, row => Assert.Contains((row[kpjColumn]?.ToString(), Convert.ToInt64(row[wageColumn], System.Globalization.CultureInfo.InvariantCulture)), changes));
    }

    [Fact]
    public async Task APemantau_CannotDownloadTheWages()
    {
        var browser = fixture.Factory.NewBrowser();
        await fixture.SignInWithRoleAsync(browser, "10000002", "000", Sipp.Data.Accounts.MembershipRole.Pemantau);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, await browser.StatusOfAsync("/tenaga-kerja/upload/upah-terisi.xlsx"));
    }

    public sealed class Fixture : SeededWebFixture
    {
        public async Task<bool> DownloadWasAuditedAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.AnyAsync(a => a.Action == "upload.unduhUpah", TestContext.Current.CancellationToken);
        }

        public async Task<int> CurrentWorkersAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments.CountAsync(
                e => e.Division.Company.Npp == "10000002" && e.Division.Code == "000"
                    && (e.Status == Sipp.Domain.Workers.EmploymentStatus.Aktif || e.Status == Sipp.Domain.Workers.EmploymentStatus.MenungguVerifikasi),
                TestContext.Current.CancellationToken);
        }

        /// <summary>The wage changes written for the period by the import: each worker's KPJ and wage.</summary>
        public async Task<List<(string?, long)>> WageChangesFromAsync(Period period)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().WageChanges
                .Where(w => w.EffectiveFrom == period && w.Employment.Division.Company.Npp == "10000002" && w.CreatedByUserId != null)
                .Select(w => new { w.Employment.Participant.Kpj, w.Upah }).ToListAsync(TestContext.Current.CancellationToken);
            return rows.Select(r => (r.Kpj, r.Upah)).ToList();
        }
    }
}
