using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Workers.Uploads;

/// <summary>
/// The row limit on a file that does not declare its size, with the limit lowered to 1,000 ("Uploads:MaxRows") so the
/// file stays small; the 100,000 default is proven by the declared-size tests in <see cref="UploadTests"/>.
/// </summary>
public class UploadLimitTests(UploadLimitTests.Fixture fixture) : IClassFixture<UploadLimitTests.Fixture>
{
    [Fact]
    public async Task AnXlsxThatDeclaresNoSize_IsRefusedAtTheRowPastTheLimit_AndKeepsNoRowErrors()
    {
        var browser = fixture.Factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "001");
        var rows = Enumerable.Range(0, 1_001).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?> { ["KPJ"] = "1", ["Upah"] = 1d, ["Periode Mulai"] = "2026-04" });

        var page = await UploadTests.UploadAsync(browser, "upah", "tanpa-ukuran.xlsx", UploadFixtures.Xlsx(rows)); // MiniExcel declares no size for a sequence

        Assert.Contains("File berisi lebih dari 1.000 baris; paling banyak 1.000 baris", page.GetElementById("alasan-tolak")!.TextContent, StringComparison.Ordinal);
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var batchId = Guid.Parse(new Uri(page.Url).Segments[^1]);
        Assert.Equal("", string.Join("|", await db.UploadRowErrors.Where(e => e.BatchId == batchId).Select(e => e.RowNumber + e.Messages).ToListAsync(TestContext.Current.CancellationToken)));
        Assert.Equal((0, 0), await db.UploadBatches.Where(b => b.Id == batchId).Select(b => ValueTuple.Create(b.CheckedRows, b.ErrorRows)).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AFileAtTheLimit_IsChecked()
    {
        var browser = fixture.Factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "001");
        var rows = Enumerable.Range(0, 1_000).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?> { ["KPJ"] = "1", ["Upah"] = 1d, ["Periode Mulai"] = "2026-04" });

        var page = await UploadTests.UploadAsync(browser, "upah", "pas.xlsx", UploadFixtures.Xlsx(rows));

        Assert.Null(page.GetElementById("alasan-tolak"));
        Assert.Equal("1.000", page.QuerySelector("#ringkasan-upload dd")!.TextContent.Trim());
    }

    public sealed class Fixture : SeededWebFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Uploads:MaxRows"] = "1000" };
    }
}
