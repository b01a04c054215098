using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Web.Features.Workers.Uploads;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Files;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Workers.Uploads;

/// <summary>
/// What one upload may cost: files built to exhaust memory or a core are refused with a clear reason, a check can be
/// cancelled, and stopping the host neither waits for a check nor loses it. The limits are lowered here
/// (Uploads:MaxTextCharacters, :MaxCells) so the files stay small; the defaults are proven on the reader directly.
/// </summary>
public class UploadCostTests(UploadCostTests.Fixture fixture) : IClassFixture<UploadCostTests.Fixture>
{
    private static readonly string[] WageColumns = ["KPJ", "Upah", "Periode Mulai"];

    public static TheoryData<string, string, byte[], string> FilesBuiltToExhaustTheMachine => new()
    {
        // Stored without compression, so the zip-bomb ratio check does not see it: only the reading bound does.
        { "000", "teks-besar.xlsx", UploadFixtures.XlsxWithSharedStrings(WageColumns, fillerStrings: 1_200, fillerLength: 1_000, CompressionLevel.NoCompression),
            "Teks di dalam file Excel ini lebih dari 1.000.000 karakter" },
        { "000", "kolom.csv", Encoding.UTF8.GetBytes("KPJ;Upah;Periode Mulai" + new string(';', 2_000_000) + "\r\n90000000002;5000000;2026-04\r\n"),
            "Baris 1 memiliki lebih dari 100 kolom" },
        // Refused by the background check, when the wide row is read.
        { "001", "baris-lebar.csv", Encoding.UTF8.GetBytes("KPJ;Upah;Periode Mulai\r\n90000000102;5000000;2026-04\r\n90000000103;5000000;2026-04" + new string(';', 5_000) + "\r\n"),
            "Baris 3 memiliki lebih dari 100 kolom" },
    };

    [Theory]
    [MemberData(nameof(FilesBuiltToExhaustTheMachine))]
    public async Task AFileBuiltToExhaustTheMachine_IsRefusedWithAClearReason_AndLeavesNoFile(string division, string fileName, byte[] content, string reason)
    {
        var browser = await fixture.OperatorAsync("10000001", division);

        var page = await UploadTests.UploadAsync(browser, "upah", fileName, content);

        Assert.Contains(reason, page.GetElementById("alasan-tolak")!.TextContent, StringComparison.Ordinal);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().UploadContents.AnyAsync(c => c.BatchId == BatchId(page), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void TheDefaultLimits_StopASharedStringsBombOf120MillionCharacters_BeforeItIsHeld()
    {
        var path = Path.GetTempFileName();
        try
        {
            // 2.7 MB on disk in the report; here about 0.5 MB that unpacks to 120 MB of shared strings.
            File.WriteAllBytes(path, UploadFixtures.XlsxWithSharedStrings(WageColumns, fillerStrings: 120_000, fillerLength: 1_000, CompressionLevel.Optimal));
            var limits = new UploadOptions().Limits;

            var refusal = Assert.Throws<SheetLimitException>(() => XlsxSheetReader.Rows(path, limits, cancellationToken: TestContext.Current.CancellationToken).First());

            Assert.Contains("lebih dari 50.000.000 karakter", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task MoreCellsThanTheLimit_AreRefused_AndNoRowErrorsAreKept()
    {
        var browser = await fixture.OperatorAsync("10000002", "000");

        var page = await UploadTests.UploadAsync(browser, "upah", "sel.csv", WageCsv(51_000));

        Assert.Contains("File berisi lebih dari 150.000 sel", page.GetElementById("alasan-tolak")!.TextContent, StringComparison.Ordinal);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var batchId = BatchId(page);
        Assert.False(await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().UploadRowErrors.AnyAsync(e => e.BatchId == batchId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ABatchUnderCheck_CanBeCancelled_AndTheCheckStopsWithoutWritingMore()
    {
        var browser = await fixture.OperatorAsync("10000001", "000");
        var waiting = await UploadTests.UploadAsync(browser, "upah", "besar.csv", WageCsv(45_000), waitForCheck: false);
        Assert.Equal("Sedang diperiksa", waiting.GetElementById("status-upload")!.TextContent.Trim());

        var cancelForm = (AngleSharp.Html.Dom.IHtmlFormElement)waiting.QuerySelectorAll("form").Single(f => f.QuerySelector("button")?.TextContent.Trim() == "Batalkan");
        var cancelled = await HtmlPage.ParseAsync(await cancelForm.SubmitAsync(browser));

        Assert.Equal("Dibatalkan", cancelled.GetElementById("status-upload")!.TextContent.Trim());
        var batchId = BatchId(waiting);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // longer than a chunk of the check takes
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var batch = await db.UploadBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, TestContext.Current.CancellationToken);
        Assert.Equal(UploadState.Dibatalkan, batch.State);
        Assert.False(await db.UploadRowErrors.AnyAsync(e => e.BatchId == batchId, TestContext.Current.CancellationToken));
        Assert.False(await db.UploadContents.AnyAsync(c => c.BatchId == batchId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [DatabaseData]
    public async Task TheOldestWaitingFile_OfACompanyWithNoCheckRunning_IsClaimedFirst(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, "claim");
        var now = new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
        var (aHead, aBranch, b) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var db = database.NewContext())
        {
            foreach (var (npp, divisions) in new[] { ("40000001", new[] { (aHead, "000"), (aBranch, "001") }), ("40000002", new[] { (b, "000") }) })
            {
                var company = new Sipp.Data.Companies.Company { Id = Guid.NewGuid(), Npp = npp, Name = "PT " + npp, JkkRiskClass = 1, CreatedAt = now };
                db.Companies.Add(company);
                foreach (var (id, code) in divisions)
                {
                    db.Divisions.Add(new Sipp.Data.Companies.Division { Id = id, CompanyId = company.Id, Code = code, Name = code, BranchOffice = "KC", CreatedAt = now });
                }
            }

            db.UploadBatches.AddRange(
                Batch(aHead, "a-besar.csv", now.AddMinutes(-10), claimedUntil: now.AddMinutes(1)), // company A's huge file, being checked
                Batch(aBranch, "a-cabang.csv", now.AddMinutes(-9)),                               // another division of A
                Batch(b, "b-kecil.csv", now.AddMinutes(-1)));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.NewContext())
        {
            var first = await UploadQueue.ClaimNextAsync(db, now, ct);
            var second = await UploadQueue.ClaimNextAsync(db, now, ct);
            await db.UploadBatches.Where(x => x.FileName == "a-besar.csv").ExecuteUpdateAsync(x => x.SetProperty(y => y.State, UploadState.SiapImpor), ct);
            var third = await UploadQueue.ClaimNextAsync(db, now, ct);
            var lapsed = await UploadQueue.ClaimNextAsync(db, now + UploadQueue.Lease + TimeSpan.FromSeconds(1), ct);

            Assert.Equal("b-kecil.csv", await NameAsync(db, first)); // B does not wait behind A
            Assert.Null(second); // A's branch waits for A's running check; B's is running
            Assert.Equal("a-cabang.csv", await NameAsync(db, third));
            Assert.Equal("a-cabang.csv", await NameAsync(db, lapsed)); // a lapsed lease (a dead node's) is claimed again, oldest first
        }

        static UploadBatch Batch(Guid division, string name, DateTime uploadedAt, DateTime? claimedUntil = null) => new()
        {
            Id = Guid.NewGuid(), DivisionId = division, Kind = UploadKind.Upah, FileName = name, Format = UploadFormat.Csv, State = UploadState.Diperiksa,
            UploadedAt = uploadedAt, ClaimedUntil = claimedUntil, UploadedByUserId = Guid.NewGuid(),
        };

        static async Task<string?> NameAsync(SippDbContext db, (Guid Id, int Attempts)? claimed) =>
            claimed is { } c ? await db.UploadBatches.Where(x => x.Id == c.Id).Select(x => x.FileName).SingleAsync(TestContext.Current.CancellationToken) : null;
    }

    [Fact]
    public async Task StoppingTheHost_MidCheck_GivesTheClaimBack_AndTheNextStartFinishesTheCheck()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, nameof(StoppingTheHost_MidCheck_GivesTheClaimBack_AndTheNextStartFinishesTheCheck));
        var folder = Path.Combine(Path.GetTempPath(), "sipp-upload-restart-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>(Fixture.Limits) { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false", ["Uploads:Folder"] = folder };
        Guid batchId;
        var first = new SippWebFactory(database, "Development", settings, ownsDatabase: false);
        await using (first)
        {
            var browser = first.NewBrowser();
            await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "000");
            batchId = BatchId(await UploadTests.UploadAsync(browser, "upah", "besar.csv", WageCsv(45_000), waitForCheck: false));
            await WaitAsync(database, batchId, b => b.CheckedRows > 0);
        }

        await using (var db = database.NewContext())
        {
            var stopped = await db.UploadBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
            Assert.Equal(UploadState.Diperiksa, stopped.State); // stopped mid-way, not run to the end first
            Assert.Null(stopped.ClaimedUntil);
            Assert.Equal(0, stopped.CheckAttempts);
        }

        await using (var second = new SippWebFactory(database, "Development", settings, ownsDatabase: false))
        {
            _ = second.Server;
            var done = await WaitAsync(database, batchId, b => b.State != UploadState.Diperiksa);
            Assert.Equal((UploadState.SiapImpor, 45_000), (done.State, done.TotalRows));
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<UploadBatch> WaitAsync(TestDatabase database, Guid batchId, Func<UploadBatch, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using var db = database.NewContext();
            var batch = await db.UploadBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, TestContext.Current.CancellationToken);
            if (until(batch) || DateTime.UtcNow > deadline)
            {
                return batch;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static byte[] WageCsv(int rows)
    {
        var text = new StringBuilder("KPJ;Upah;Periode Mulai\r\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append("9000000").Append((i % 9000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append(";5000000;2026-04\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Guid BatchId(AngleSharp.Dom.IDocument page) => Guid.Parse(new Uri(page.Url).Segments[^1]);

    public sealed class Fixture : SeededWebFixture
    {
        public static readonly IReadOnlyDictionary<string, string?> Limits = new Dictionary<string, string?>
        {
            ["Uploads:MaxTextCharacters"] = "1000000",
            ["Uploads:MaxCells"] = "150000",
        };

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(Limits);

        public Task<HttpClient> OperatorAsync(string npp, string division) => HrAsync(npp, division);
    }
}
