using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using Sipp.Data.Uploads;
using Sipp.Web.Features.Workers.Uploads;
using Sipp.Web.Infrastructure.Files;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>
/// The files of the security report against what the upload request does with them (inspection, then the header
/// check, with the default limits), each beside a legitimate file of the same kind measured in the same run: time and
/// the process's peak working set.
/// </summary>
public static class UploadLimitsScenario
{
    private static readonly string[] WageColumns = ["KPJ", "Upah", "Periode Mulai"];

    public static void Run()
    {
        var folder = Directory.CreateTempSubdirectory("sipp-bench-limits").FullName;
        try
        {
            var random = new Random(7);
            const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            // About 395 MB of shared strings: 390,000 strings of 1,000 letters, each with a random token so that the zip
            // ratio stays ordinary (under the 150:1 the zip check refuses), as in the report.
            var bomb = Write(folder, "bomb.xlsx", UploadFixtures.XlsxWithSharedStrings(WageColumns, 390_000, 0, CompressionLevel.Optimal,
                _ => new string('A', 992) + new string(Enumerable.Range(0, 8).Select(_ => letters[random.Next(letters.Length)]).ToArray())));
            var legitXlsx = Path.Combine(folder, "upah.xlsx");
            MiniExcel.SaveAs(legitXlsx, Enumerable.Range(0, 100_000).Select(i => new Dictionary<string, object?>
            {
                ["KPJ"] = (91_000_000_000L + i).ToString(CultureInfo.InvariantCulture), ["Upah"] = 5_000_000d + i, ["Periode Mulai"] = "2026-04",
            }), excelType: ExcelType.XLSX);
            var columns = Write(folder, "kolom.csv", Encoding.UTF8.GetBytes("KPJ;Upah;Periode Mulai" + new string(';', 2_000_000) + "\r\n91000000000;5000000;2026-04\r\n"));
            var legitCsv = Write(folder, "upah.csv", Encoding.UTF8.GetBytes("KPJ;Upah;Periode Mulai\r\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"{91_000_000_000L + i};5000000;2026-04\r\n"))));

            Console.WriteLine("What the upload request does with each file (inspection and header check, default limits):");
            var legitX = Measure(legitXlsx, UploadFormat.Xlsx);
            var bombX = Measure(bomb, UploadFormat.Xlsx);
            var legitC = Measure(legitCsv, UploadFormat.Csv);
            var columnsC = Measure(columns, UploadFormat.Csv);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bomb / legitimate .xlsx: time {bombX.Seconds / legitX.Seconds:F1}×, heap peak {bombX.PeakMb / legitX.PeakMb:F1}×; 2M-column / legitimate CSV: time {columnsC.Seconds / legitC.Seconds:F1}×"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Write(string folder, string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static (double Seconds, double PeakMb) Measure(string path, UploadFormat format)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var sampler = new PeakSampler();
        sampler.TakePeak();
        sampler.TakeHeapPeak();
        var clock = Stopwatch.StartNew();
        var (inspected, _, refusal) = SpreadsheetInspection.Inspect(path, Path.GetFileName(path));
        string answer;
        if (refusal is not null)
        {
            answer = "refused by inspection: " + refusal;
        }
        else
        {
            try
            {
                var batch = new UploadBatch { FileName = Path.GetFileName(path), Format = inspected, Kind = UploadKind.Upah };
                var headers = UploadFile.Open(path, batch, new UploadOptions().Limits).FindHeader().Headers;
                answer = $"accepted, {headers.Count} headers";
            }
            catch (SheetLimitException limit)
            {
                answer = "refused: " + limit.Message;
            }
        }

        clock.Stop();
        var heap = sampler.TakeHeapPeak() / 1024.0 / 1024.0;
        var peak = sampler.TakePeak() / 1024.0 / 1024.0;
        var unpacked = format == UploadFormat.Xlsx ? ZipFile.OpenRead(path).Entries.Sum(e => e.Length) / 1024.0 / 1024.0 : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Path.GetFileName(path),-10} {new FileInfo(path).Length / 1024.0 / 1024.0,6:F1} MB{(unpacked > 0 ? $" (unpacks to {unpacked:F0} MB)" : string.Empty),-22} {clock.Elapsed.TotalSeconds,6:F2} s, managed heap peak {heap,5:F0} MB (process {peak,4:F0} MB) — {answer}"));
        return (clock.Elapsed.TotalSeconds, heap);
    }
}
