using Sipp.PayrollSample;

// dotnet run --project samples/Sipp.PayrollSample -- [--portal http://localhost:5080] [--divisi NPP-KODE] [--periode YYYY-MM] [--channel KODE] [--keluaran FOLDER]
// Credentials from SIPP_CLIENT_ID, SIPP_CLIENT_SECRET and SIPP_WEBHOOK_SECRET; without them, the Development seed's demo client.
var options = SampleOptions.Parse(args, Environment.GetEnvironmentVariable);
if (options is null)
{
    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
try
{
    var result = await PayrollMonth.RunAsync(options, Console.Out, cancel.Token);
    Console.WriteLine($"Selesai: tagihan {result.KodeIuran}, {result.Reports.Count} laporan di {Path.GetFullPath(options.Output)}.");
    return 0;
}
catch (SippApiException e)
{
    Console.Error.WriteLine($"Sipp menolak: {e.Message}");
    return 1;
}
