using System.Globalization;
using System.Text.Json;

namespace Sipp.PayrollSample;

/// <summary>What one run did: the bill issued, the same bill as its webhook announced it, and the reports saved.</summary>
public sealed record PayrollMonthResult(string KodeIuran, long Total, JsonElement BillIssuedEvent, IReadOnlyList<string> Reports, JsonElement WageReport);

/// <summary>
/// A payroll system's month in Sipp, end to end: report the month's wages (a dry run, then applied), compute the
/// contributions, finalise them with a payment channel, receive the "bill issued" webhook, and download the reports.
/// </summary>
public static class PayrollMonth
{
    /// <summary>The reports saved, each as "slug.format".</summary>
    public static readonly IReadOnlyList<string> ReportFiles = ["rincian-iuran.csv", "rekap-program.pdf", "daftar-upah.xlsx"];

    public static async Task<PayrollMonthResult> RunAsync(SampleOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        using var listener = new WebhookListener(options.WebhookListen, options.WebhookSecret);
        using var api = new SippApi(new HttpClient { BaseAddress = options.Portal, Timeout = TimeSpan.FromMinutes(2) }, options.ClientId, options.ClientSecret);
        var division = $"/api/v1/divisi/{options.Division}";

        var granted = await api.GetAsync("/api/v1/divisi/", cancellationToken);
        var name = granted.EnumerateArray().FirstOrDefault(d => d.GetProperty("divisi").GetString() == options.Division);
        if (name.ValueKind == JsonValueKind.Undefined)
        {
            throw new SippApiException($"klien ini tidak diberi akses ke divisi {options.Division}.");
        }

        await log.WriteLineAsync($"Divisi {options.Division}: {name.GetProperty("perusahaan").GetString()} — {name.GetProperty("nama").GetString()}, periode {options.Period}");

        // 1. The payroll's list for the month: here, every active worker at this month's wage, three of them with a raise.
        var payroll = await PayrollAsync(api, division, cancellationToken);
        var dryRun = await api.WriteAsync(HttpMethod.Put, $"{division}/laporan-upah/{options.Period}", new { baris = payroll }, cancellationToken);
        await log.WriteLineAsync($"Lapor Upah (uji): {payroll.Count} baris — {Summary(dryRun)}");
        var refused = dryRun.GetProperty("ditolak").GetArrayLength();
        if (refused > 0)
        {
            throw new SippApiException($"{refused} baris daftar upah ditolak; perbaiki dulu di sistem penggajian.");
        }

        var applied = await api.WriteAsync(HttpMethod.Put, $"{division}/laporan-upah/{options.Period}?terapkan=true", new { baris = payroll }, cancellationToken);
        await log.WriteLineAsync($"Lapor Upah diterapkan: {applied.GetProperty("perubahanUpah").GetArrayLength()} perubahan upah.");

        // 2. Contributions computed, then finalised: the bill.
        var computed = await api.WriteAsync(HttpMethod.Post, $"{division}/iuran/{options.Period}/hitung", null, cancellationToken);
        await log.WriteLineAsync($"Hitung Iuran: {computed.GetProperty("jumlahTenagaKerja").GetInt32()} tenaga kerja, total {Rupiah(computed.GetProperty("jumlah").GetProperty("total").GetInt64())}");
        foreach (var warning in computed.GetProperty("peringatan").EnumerateArray())
        {
            await log.WriteLineAsync($"  peringatan: {warning.GetString()}");
        }

        var final = await api.WriteAsync(HttpMethod.Post, $"{division}/iuran/{options.Period}/finalisasi", new { channel = options.Channel }, cancellationToken);
        var bill = final.GetProperty("tagihan");
        var kode = bill.GetProperty("kodeIuran").GetString()!;
        await log.WriteLineAsync($"Finalisasi: Kode Iuran {kode}, {Rupiah(bill.GetProperty("total").GetInt64())}, jatuh tempo {bill.GetProperty("jatuhTempo").GetString()}");

        // 3. Sipp announces the bill to the payroll system's webhook, signed.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(60));
        var issued = await listener.WaitForAsync("tagihan.terbit", data => data.GetProperty("kodeIuran").GetString() == kode, wait.Token);
        await log.WriteLineAsync($"Webhook tagihan.terbit diterima dan tanda tangannya sah: Kode Iuran {kode}.");

        // 4. The month's reports.
        Directory.CreateDirectory(options.Output);
        var saved = new List<string>();
        foreach (var file in ReportFiles)
        {
            var path = Path.Combine(options.Output, $"{options.Division}-{options.Period}-{file}");
            await File.WriteAllBytesAsync(path, await api.DownloadAsync($"{division}/laporan/{options.Period}/{file}", cancellationToken), cancellationToken);
            saved.Add(path);
            await log.WriteLineAsync($"Laporan disimpan: {path}");
        }

        return new PayrollMonthResult(kode, bill.GetProperty("total").GetInt64(), issued, saved, applied);
    }

    private static async Task<List<object>> PayrollAsync(SippApi api, string division, CancellationToken cancellationToken)
    {
        var lines = new List<object>();
        string? next = null;
        do
        {
            var page = await api.GetAsync($"{division}/tenaga-kerja?status=aktif&jumlah=1000{(next is null ? string.Empty : "&setelah=" + next)}", cancellationToken);
            foreach (var worker in page.GetProperty("data").EnumerateArray())
            {
                if (worker.GetProperty("kpj").GetString() is not { } kpj || worker.GetProperty("upah").ValueKind != JsonValueKind.Number)
                {
                    continue;
                }

                var wage = worker.GetProperty("upah").GetInt64();
                // A 5% raise, to the thousand, for the first three: what a payroll's month usually brings.
                lines.Add(new { kpj, upah = lines.Count < 3 ? (long)Math.Ceiling(wage * 1.05 / 1000) * 1000 : wage });
            }

            next = page.GetProperty("berikutnya").GetString();
        }
        while (next is not null);

        return lines;
    }

    private static string Rupiah(long amount) => "Rp" + amount.ToString("N0", CultureInfo.GetCultureInfo("id-ID"));

    private static string Summary(JsonElement report) =>
        $"{report.GetProperty("tidakBerubah").GetInt32()} tidak berubah, {report.GetProperty("perubahanUpah").GetArrayLength()} perubahan upah, "
        + $"{report.GetProperty("belumTerdaftar").GetArrayLength()} belum terdaftar, {report.GetProperty("tidakAdaDiPenggajian").GetArrayLength()} tidak ada di penggajian, "
        + $"{report.GetProperty("ditolak").GetArrayLength()} ditolak";
}
