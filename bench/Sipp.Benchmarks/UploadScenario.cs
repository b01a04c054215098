using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using Sipp.Data.Uploads;
using Sipp.Domain.People;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Features.Workers.Uploads;
using Sipp.Web.Infrastructure.Data;

using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// "Upload Tenaga Kerja Baru" of 100,000 rows — Sipp's .xlsx or .csv, or SIPP Online's data_tk_baru as old .xls (whose
/// sheets hold at most 65,536 rows): the check, then the import, each timed, with the process's peak working set while
/// they run. Targets: check ≤ 5 s, import ≤ 10 s, peak under 500 MB.
/// </summary>
public static class UploadScenario
{
    public static async Task RunAsync(string provider, int rows, string format)
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Parse(provider), "bench");
        Guid divisionId;
        await using (var db = database.NewContext())
        {
            divisionId = (await LargeCompanySeed.CreateAsync(db, 10, DateTime.UtcNow, CancellationToken.None))!.Value;
        }

        var folder = Directory.CreateTempSubdirectory("sipp-bench-upload").FullName;
        await using var services = new ServiceCollection().AddScoped(_ => database.NewContextFor(divisionId)).AddSingleton<RuleTableProvider>().BuildServiceProvider();
        var ruleTables = services.GetRequiredService<RuleTableProvider>();

        // A running server has checked and imported files before: warm the process up with a small upload, as it would be.
        await UploadAsync(database, folder, ruleTables, divisionId, first: rows, count: 2_000, format, report: false);
        await UploadAsync(database, folder, ruleTables, divisionId, first: 0, count: rows, format, report: true);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task UploadAsync(TestDatabase database, string folder, RuleTableProvider ruleTables, Guid divisionId, int first, int count, string format, bool report)
    {
        var batch = new UploadBatch
        {
            Id = Guid.NewGuid(), DivisionId = divisionId, Kind = UploadKind.Baru, FileName = "besar." + format,
            Format = format switch { "csv" => UploadFormat.Csv, "xls" => UploadFormat.Xls, _ => UploadFormat.Xlsx },
            Layout = format == "xls" ? UploadLayout.SippOnline : UploadLayout.Sipp, State = UploadState.Diperiksa, UploadedAt = DateTime.UtcNow,
        };
        var generated = Stopwatch.StartNew();
        var content = File(NewWorkers(first, count), format);
        batch.SizeBytes = content.Length;
        if (report)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Upload Tenaga Kerja Baru, {count:N0} rows, {batch.SizeBytes / 1024.0 / 1024.0:F1} MB .{format} (made in {generated.Elapsed.TotalSeconds:F1} s), {database.Provider}"));
        }

        await using (var db = database.NewContext())
        {
            db.UploadBatches.Add(batch);
            db.UploadContents.Add(new UploadContent { BatchId = batch.Id, Content = content });
            await db.SaveChangesAsync();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var sampler = new PeakSampler();
        var check = Stopwatch.StartNew();
        await using (var db = database.NewProductContext())
        {
            var storage = new UploadStorage(db, Options.Create(new UploadOptions { Folder = folder }), new HostingEnvironment { ContentRootPath = folder });
            await new UploadChecker(db, new LateChargePlanner(db, ruleTables, TimeProvider.System), storage, new Sipp.Web.Features.Api.Webhooks.WebhookEvents(db, TimeProvider.System), Options.Create(new UploadOptions()), TimeProvider.System).CheckAsync(batch.Id, CancellationToken.None);
        }

        check.Stop();
        var checkPeak = sampler.TakePeak();
        await using (var db = database.NewContext())
        {
            var state = await db.UploadBatches.AsNoTracking().SingleAsync(b => b.Id == batch.Id);
            if (state.State != UploadState.SiapImpor || state.ErrorRows != 0 || state.TotalRows != count)
            {
                throw new InvalidOperationException($"Check ended as {state.State} with {state.ErrorRows} refused of {state.TotalRows}: {state.Refusal}");
            }
        }

        var workersBefore = await CountWorkersAsync(database, divisionId);
        var import = Stopwatch.StartNew();
        await using (var db = database.NewContextFor(divisionId))
        {
            var storage = new UploadStorage(db, Options.Create(new UploadOptions { Folder = folder }), new HostingEnvironment { ContentRootPath = folder });
            var refusal = await new UploadImporter(db, new LateChargePlanner(db, ruleTables, TimeProvider.System), storage, Options.Create(new UploadOptions()), TimeProvider.System).ImportAsync(batch.Id, new Actor(Guid.NewGuid(), "bench", "127.0.0.1"), CancellationToken.None);
            if (refusal is not null)
            {
                throw new InvalidOperationException(refusal?.Message);
            }
        }

        import.Stop();
        var importPeak = sampler.TakePeak();
        var added = await CountWorkersAsync(database, divisionId) - workersBefore;
        if (added != count)
        {
            throw new InvalidOperationException($"Import added {added} workers instead of {count}.");
        }

        if (report)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  check   {check.Elapsed.TotalSeconds,6:F2} s   peak working set {checkPeak / 1024.0 / 1024.0,6:F0} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  import  {import.Elapsed.TotalSeconds,6:F2} s   peak working set {importPeak / 1024.0 / 1024.0,6:F0} MB   ({added:N0} workers added)"));
        }
    }

    private static byte[] File(IEnumerable<Dictionary<string, object?>> rows, string format)
    {
        if (format == "csv")
        {
            var columns = Sipp.Domain.Workers.WorkerFields.NewWorkerColumns;
            return UploadFixtures.Csv(columns, rows.Select(r => (IReadOnlyList<string?>)columns.Select(c => r.GetValueOrDefault(c) switch
            {
                DateTime date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                double number => number.ToString("0", CultureInfo.InvariantCulture),
                var value => value?.ToString(),
            }).ToList()), System.Text.Encoding.UTF8);
        }

        if (format == "xls")
        {
            // The same people in SIPP Online's columns and codes, dates as it writes them (dd-mm-yyyy text).
            var sipp = SippOnlineTemplate.Columns;
            return Sipp.Tests.Shared.XlsWorkbook.Write(sipp, rows.Select(r => (IReadOnlyList<object?>)sipp.Select(c => c switch
            {
                "NAMA_LENGKAP" => r["Nama Lengkap"], "TEMPAT_LAHIR" => r["Tempat Lahir"], "TANGGAL_LAHIR" => ((DateTime)r["Tanggal Lahir"]!).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
                "NAMA_IBU_KANDUNG" => r["Nama Ibu Kandung"], "JENIS_IDENTITAS" => "KTP", "NOMOR_IDENTITAS" => r["NIK"], "JENIS_KELAMIN" => (string)r["Jenis Kelamin"]! == "Perempuan" ? "P" : "L",
                "STATUS_KAWIN" => "Y", "UPAH" => r["Upah"], "ALAMAT" => r["Alamat"], "KODE_POS" => r["Kode Pos"], "HP" => r["Nomor Handphone"], "STATUS_PEGAWAI" => "PKWTT",
                "TGL_AWAL_BEKERJA" => "05-01-2026", "TANGGAL_KEPESERTAAN" => "01-02-2026", "KODE_NEGARA" => "ID",
                _ => (object?)null,
            }).ToList()));
        }

        var path = Path.GetTempFileName() + ".xlsx";
        MiniExcel.SaveAs(path, rows, excelType: ExcelType.XLSX);
        var content = System.IO.File.ReadAllBytes(path);
        System.IO.File.Delete(path);
        return content;
    }

    private static async Task<int> CountWorkersAsync(TestDatabase database, Guid divisionId)
    {
        await using var db = database.NewContext();
        return await db.Employments.CountAsync(e => e.DivisionId == divisionId);
    }

    private static IEnumerable<Dictionary<string, object?>> NewWorkers(int first, int count)
    {
        var random = new Random(first + count);
        for (var i = first; i < first + count; i++)
        {
            var birth = new DateOnly(1965, 1, 1).AddDays(random.Next(0, 38 * 365));
            var female = random.Next(2) == 0;
            var nik = string.Create(CultureInfo.InvariantCulture, $"{32 + (i / 9_999 % 4)}{(i / 39_996 % 98) + 1:D2}{(i / 3_919_608 % 9) + 1:D2}{birth.Day + (female ? 40 : 0):D2}{birth.Month:D2}{birth.Year % 100:D2}{(i % 9_999) + 1:D4}");
            yield return new Dictionary<string, object?>
            {
                ["NIK"] = nik, ["Nama Lengkap"] = female ? "Siti Rahayu" : "Bambang Suprapto", ["Tempat Lahir"] = "Bekasi",
                ["Tanggal Lahir"] = birth.ToDateTime(TimeOnly.MinValue), ["Jenis Kelamin"] = female ? "Perempuan" : "Laki-laki", ["Nama Ibu Kandung"] = "Sumiyati",
                ["Kewarganegaraan"] = "WNI", ["Nomor Paspor"] = null, ["Negara"] = null, ["Status Kawin"] = "Kawin", ["Alamat"] = "Jl. Industri Raya No. 5, Bekasi",
                ["Kode Pos"] = "17530", ["Nomor Handphone"] = "081290001234", ["Email"] = null, ["NPWP"] = null, ["Status Pegawai"] = "PKWTT",
                ["Tanggal Mulai Kerja"] = new DateTime(2026, 1, 5), ["Tanggal Akhir Kontrak"] = null, ["Tanggal Mulai Kepesertaan"] = new DateTime(2026, 2, 1),
                ["Upah"] = 5_000_000d + (i % 100) * 10_000,
            };
        }
    }
}
