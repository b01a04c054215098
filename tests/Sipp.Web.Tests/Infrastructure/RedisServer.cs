using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway Redis for a test: Debian's redis-server on a free port, nothing saved to disk, stopped at the end.
/// SIPP_TEST_REDIS=required makes a missing redis-server a failure (CI installs it); otherwise such a test is skipped.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Program = "/usr/bin/redis-server";
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Configuration = $"127.0.0.1:{port},abortConnect=false";
    }

    public string Configuration { get; }

    public static string? SkipReason() =>
        File.Exists(Program) || string.Equals(Environment.GetEnvironmentVariable("SIPP_TEST_REDIS"), "required", StringComparison.OrdinalIgnoreCase)
            ? null
            : "redis-server not installed (apt-get install redis-server).";

    public static async Task<RedisServer> StartAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var process = Process.Start(new ProcessStartInfo(Program, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new RedisServer(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException("redis-server did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
