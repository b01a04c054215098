using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Reports;
using Sipp.Web.Infrastructure.Documents;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Benchmarks;

/// <summary>
/// "Rincian Iuran per Tenaga Kerja" of a computed period, written as XLSX, PDF or CSV to a stream that only counts bytes
/// (what the response would send). Targets: XLSX of 100,000 workers ≤ 5 s with memory that does not grow with the rows;
/// PDF of 10,000 workers ≤ 10 s. Three runs, each on a fresh scope, with the peak managed heap and working set.
/// </summary>
public static class ReportScenario
{
    public static async Task RunAsync(string format, string provider, int workers)
    {
        await using var division = await LargeDivision.CreateAsync(provider, workers);
        var (database, divisionId, services) = (division.Database, division.DivisionId, division.Services);
        var period = Period.Of(2026, 2);
        CompanyContext company;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PeriodComputation>().ComputeAsync(divisionId, period, CancellationToken.None);
            company = await scope.ServiceProvider.GetRequiredService<SippDbContext>().Divisions.Where(d => d.Id == divisionId)
                .Select(d => new CompanyContext(Guid.Empty, d.Id, d.Code, d.Name, d.CompanyId, d.Company.Npp, d.Company.Name, MembershipRole.Pemantau))
                .SingleAsync();
        }

        var report = ReportCatalog.FromSlug("rincian-iuran")!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Title} {period} as {format}, {workers:N0} workers, {database.Provider}"));
        using var sampler = new PeakSampler();
        for (var run = 1; run <= 3; run++)
        {
            await using var scope = services.CreateAsyncScope();
            GC.Collect();
            sampler.TakePeak();
            sampler.TakeHeapPeak();
            var output = new CountingStream();
            var timer = Stopwatch.StartNew();
            var (document, refusal) = await scope.ServiceProvider.GetRequiredService<PeriodReports>().BuildAsync(company, period, report, "https://sipp.test/cek-bukti/", CancellationToken.None);
            if (document is null)
            {
                throw new InvalidOperationException(refusal?.Message);
            }

            switch (format)
            {
                case "pdf":
                    await PdfTableWriter.WriteAsync(document, output, DateTimeOffset.UtcNow, CancellationToken.None);
                    break;
                case "xlsx":
                    await XlsxTableWriter.WriteAsync(document, output, CancellationToken.None);
                    break;
                default:
                    await CsvTableWriter.WriteAsync(document, output, semicolon: false, CancellationToken.None);
                    break;
            }

            timer.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run}  {timer.Elapsed.TotalSeconds,6:F2} s   {output.Length / 1024.0 / 1024.0,6:F1} MB written   peak managed heap {sampler.TakeHeapPeak() / 1024.0 / 1024.0,6:F0} MB   peak working set {sampler.TakePeak() / 1024.0 / 1024.0,6:F0} MB"));
        }
    }

    /// <summary>A write-only, non-seekable stream that counts bytes, as a response body is.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
