using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Uploads;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Tests.Infrastructure;
using Sipp.Web.Tests.Reports;
using Sipp.Web.Tests.Workers.Uploads;

namespace Sipp.Web.Tests.Workers;

/// <summary>
/// Issue 17, item 4: payroll exports key every worker by an employee number. "Nomor Pegawai" is optional on each
/// employment, unique among the division's current workers, shown and searchable, in the reports, and names a worker
/// in the wage and leaver uploads instead of the KPJ.
/// </summary>
public class EmployeeNumberTests(EmployeeNumberTests.Fixture fixture) : IClassFixture<EmployeeNumberTests.Fixture>
{
    private readonly SippWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task ANomorPegawai_IsKept_Shown_Searchable_InTheReport_AndBelongsToOneCurrentWorkerOfTheDivision()
    {
        var browser = await fixture.HrAsync("10000001", "000");
        var form = await HtmlPage.GetAsync(browser, "/tenaga-kerja/tambah?Jalur=tidak");

        var added = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, NewPerson("3171015708850002", "Siti Aminah", "emp-77")));
        var twice = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, NewPerson("3171025708850004", "Dewi Lestari", "EMP-77")));

        Assert.Equal("EMP-77", added.GetElementById("nomor-pegawai")!.TextContent.Trim());
        Assert.Contains("sudah dipakai tenaga kerja lain di divisi ini", twice.GetElementById("Isian-nomor-pegawai-error")!.TextContent, StringComparison.Ordinal);
        var found = Assert.Single(Rows(await HtmlPage.GetAsync(browser, "/tenaga-kerja?Cari=emp-77")));
        Assert.Equal(["EMP-77", "Siti Aminah"], new[] { found[2], found[3] });

        // "Ubah Data" of another worker: the number taken is refused, a free one is kept (in capitals).
        var otherId = await fixture.SomeActiveAsync("10000001", "000");
        var edit = await HtmlPage.GetAsync(browser, $"/tenaga-kerja/{otherId}/ubah");
        var refused = await HtmlPage.ParseAsync(await edit.SubmitAsync(browser, new Dictionary<string, string> { ["Nomor Pegawai"] = "Emp-77" }));
        Assert.Contains("sudah dipakai", refused.GetElementById("Isian-nomor-pegawai-error")!.TextContent, StringComparison.Ordinal);
        var saved = await HtmlPage.ParseAsync(await edit.SubmitAsync(browser, new Dictionary<string, string> { ["Nomor Pegawai"] = "emp-78" }));
        Assert.Equal("EMP-78", saved.GetElementById("nomor-pegawai")!.TextContent.Trim());

        // The report of new workers of the month names it.
        var report = ReportFiles.Csv(await browser.GetByteArrayAsync("/laporan/2026-02/tenaga-kerja-baru.csv", TestContext.Current.CancellationToken));
        var column = Array.IndexOf(report[0], "Nomor Pegawai");
        Assert.True(column >= 0, string.Join(";", report[0]));
        Assert.Contains(report, r => r[0] == "Siti Aminah" && r[column] == "EMP-77");

        // The database holds the rule too: a second current worker with the number cannot be written, whatever the code.
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var third = await db.Employments.Where(e => e.Division.Company.Npp == "10000001" && e.Division.Code == "000" && e.Status == EmploymentStatus.Aktif && e.EmployeeNumber == null)
            .OrderBy(e => e.Id).FirstAsync(TestContext.Current.CancellationToken);
        third.EmployeeNumber = "EMP-77";
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheWageAndLeaverUploads_NameAWorkerByNomorPegawai_WhenTheFileHasNoKpj()
    {
        var (first, second) = await fixture.NumberTwoWorkersAsync("10000002", "000", "PAY-1", "PAY-2");
        var browser = await fixture.HrAsync("10000002", "000");
        var wages = UploadFixtures.Csv(
            ["Nomor Pegawai", "Upah", "Periode Mulai"],
            [["pay-1", "7250000", "2026-03"], ["PAY-404", "7000000", "2026-03"]],
            Encoding.UTF8);

        var batch = await UploadTests.UploadAsync(browser, "upah", "upah-payroll.csv", wages);

        var refused = Assert.Single(batch.QuerySelectorAll("#baris-ditolak tbody tr"));
        Assert.Contains("Nomor Pegawai ini bukan tenaga kerja divisi ini.", refused.TextContent, StringComparison.Ordinal);
        await UploadTests.ClickAsync(browser, batch, "Impor 1 Baris Valid");
        Assert.Equal(7_250_000, await fixture.WageFromAsync(first.Id, Period.Of(2026, 3)));

        // Both a KPJ and a number: they must name the same worker.
        var mixed = UploadFixtures.Csv(["KPJ", "Nomor Pegawai", "Upah", "Periode Mulai"], [[second.Kpj, "PAY-1", "7100000", "2026-03"]], Encoding.UTF8);
        var mixedBatch = await UploadTests.UploadAsync(browser, "upah", "campur.csv", mixed);
        Assert.Contains("milik tenaga kerja yang berbeda", Assert.Single(mixedBatch.QuerySelectorAll("#baris-ditolak tbody tr")).TextContent, StringComparison.Ordinal);

        // A file with neither column is refused as a whole, saying which columns would do.
        var neither = await UploadTests.UploadAsync(browser, "upah", "tanpa-kunci.csv", UploadFixtures.Csv(["Upah", "Periode Mulai"], [["7000000", "2026-03"]], Encoding.UTF8));
        Assert.Contains("KPJ atau Nomor Pegawai", neither.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var leavers = UploadFixtures.Csv(["Nomor Pegawai", "NIK", "Tanggal Non Aktif", "Alasan"], [["PAY-2", second.Nik, "15/03/2026", "Mengundurkan diri"]], Encoding.UTF8);
        var leaverBatch = await UploadTests.UploadAsync(browser, "non-aktif", "keluar.csv", leavers);
        await UploadTests.ClickAsync(browser, leaverBatch, "Impor 1 Baris Valid");
        Assert.Equal(EmploymentStatus.NonAktif, await fixture.StatusAsync(second.Id));
    }

    private static List<string[]> Rows(IDocument page) =>
        page.QuerySelectorAll("#daftar-tenaga-kerja tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static Dictionary<string, string> NewPerson(string nik, string name, string number) => new()
    {
        ["Kewarganegaraan"] = "WNI", ["NIK"] = nik, ["Nama Lengkap"] = name, ["Tempat Lahir"] = "Bogor", ["Tanggal Lahir"] = "1985-08-17",
        ["Jenis Kelamin"] = "Perempuan", ["Nama Ibu Kandung"] = "Sumarni", ["Status Kawin"] = "Kawin", ["Alamat"] = "Jl. Mawar 1, Bogor", ["Kode Pos"] = "16111",
        ["Status Pegawai"] = "PKWTT", ["Tanggal Mulai Kerja"] = "2026-02-01", ["Tanggal Mulai Kepesertaan"] = "2026-02-01", ["Upah"] = "6500000",
        ["Nomor Pegawai"] = number,
    };

    public sealed class Fixture : SeededWebFixture
    {
        public async Task<Guid> SomeActiveAsync(string npp, string division)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
                .Where(e => e.Division.Company.Npp == npp && e.Division.Code == division && e.Status == EmploymentStatus.Aktif)
                .OrderBy(e => e.Participant.Kpj).Select(e => e.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        /// <summary>Gives two long-standing active workers the numbers a payroll would know them by.</summary>
        public async Task<((Guid Id, string Kpj, string Nik) First, (Guid Id, string Kpj, string Nik) Second)> NumberTwoWorkersAsync(string npp, string division, string one, string two)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var workers = await db.Employments.Include(e => e.Participant)
                .Where(e => e.Division.Company.Npp == npp && e.Division.Code == division && e.Status == EmploymentStatus.Aktif && e.MembershipStartDate < new DateOnly(2025, 1, 1))
                .OrderBy(e => e.Participant.Kpj).Skip(30).Take(2).ToListAsync(TestContext.Current.CancellationToken);
            workers[0].EmployeeNumber = one;
            workers[1].EmployeeNumber = two;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return ((workers[0].Id, workers[0].Participant.Kpj!, workers[0].Participant.Nik!), (workers[1].Id, workers[1].Participant.Kpj!, workers[1].Participant.Nik!));
        }

        public async Task<long?> WageFromAsync(Guid employmentId, Period period)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().WageChanges
                .Where(w => w.EmploymentId == employmentId && w.EffectiveFrom == period).Select(w => (long?)w.Upah).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
        }

        public async Task<EmploymentStatus> StatusAsync(Guid employmentId)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments.Where(e => e.Id == employmentId).Select(e => e.Status).SingleAsync(TestContext.Current.CancellationToken);
        }
    }
}
