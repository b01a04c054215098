using System.Globalization;
using BenchmarkDotNet.Running;

// Scenario commands measure whole paths against a real database; anything else goes to BenchmarkDotNet.
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- list   [sqlite|postgres] [workers]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- upload [sqlite|postgres] [rows] [xlsx|csv|xls]   (xls: SIPP Online's layout, at most 65,535 rows)
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- compute [sqlite|postgres] [workers]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- monitoring [sqlite|postgres] [workers, default 1000]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- report xlsx|pdf|csv [sqlite|postgres] [workers]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- upload-limits
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- review [sqlite|postgres] [workers]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- late-raise [sqlite|postgres] [workers]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- outbox [sqlite|postgres] [messages]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- wage-report [sqlite|postgres] [workers]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- api-list [sqlite|postgres] [workers]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- portfolio [sqlite|postgres] [client divisions, default 200]
//   dotnet run -c Release --project bench/Sipp.Benchmarks -- portfolio-page [sqlite|postgres] [client divisions, default 200]

namespace Sipp.Benchmarks;

/// <summary>The command line (not top-level statements: the web host's own <c>Program</c> is the one the portfolio page's host starts).</summary>
public static class Bench
{
    public static async Task Main(string[] args)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var provider = args.Length > 1 ? args[1] : "sqlite";
        var size = args.Length > 2 && args[0] != "report" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        switch (args.FirstOrDefault())
        {
            case "list":
                await WorkerListScenario.RunAsync(provider, size, iterations: 40);
                break;
            case "compute":
                await ComputePeriodScenario.RunAsync(provider, size);
                break;
            case "monitoring":
                await MonitoringScenario.RunAsync(provider, args.Length > 2 ? size : 1_000, iterations: 40);
                break;
            case "report":
                await ReportScenario.RunAsync(args[1], args.Length > 2 ? args[2] : "sqlite", args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100_000);
                break;
            case "upload":
                await UploadScenario.RunAsync(provider, size, args.Length > 3 ? args[3] : "xlsx");
                break;
            case "review":
                await ReviewScenario.RunAsync(provider, size, iterations: 40);
                break;
            case "late-raise":
                await LateRaiseScenario.RunAsync(provider, size);
                break;
            case "outbox":
                await OutboxScenario.RunAsync(provider, size);
                break;
            case "api-list":
                await ApiWorkerListScenario.RunAsync(provider, size, iterations: 40);
                break;
            case "portfolio-page":
                await PortfolioPageScenario.RunAsync(provider, args.Length > 2 ? size : 200, iterations: 40);
                break;
            case "portfolio":
                await PortfolioScenario.RunAsync(provider, args.Length > 2 ? size : 200, iterations: 40);
                break;
            case "wage-report":
                await WageReportScenario.RunAsync(provider, size);
                break;
            case "upload-limits":
                UploadLimitsScenario.Run();
                break;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(ContributionEngineBenchmark).Assembly).Run(args);
                break;
        }

        await Sipp.Web.Tests.Infrastructure.PostgresCluster.StopSharedAsync();
    }
}
