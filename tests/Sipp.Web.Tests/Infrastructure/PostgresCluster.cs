using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb in a temp folder, a free port, started with pg_ctl and
/// stopped (and deleted) at the end. As root it runs the server as the "postgres" user, as PostgreSQL requires.
/// SIPP_TEST_POSTGRES=required makes a missing PostgreSQL a failure; =off skips the PostgreSQL tests.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string EnvironmentVariable = "SIPP_TEST_POSTGRES";

    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresCluster? _shared;
    private static string? _unavailableReason;

    private readonly string _directory;
    private readonly string _binDirectory;
    private readonly int _port;

    private PostgresCluster(string binDirectory)
    {
        _binDirectory = binDirectory;
        _directory = Path.Combine(Path.GetTempPath(), "sipp-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _port = FreePort();
    }

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "required", StringComparison.OrdinalIgnoreCase);

    public static bool SwitchedOff => string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can (checked without starting anything).</summary>
    public static string? SkipReason()
    {
        if (Required)
        {
            return null; // never skip: a missing server must fail the run
        }

        if (SwitchedOff)
        {
            return $"PostgreSQL tests switched off ({EnvironmentVariable}=off).";
        }

        return FindBinDirectory() is null ? "PostgreSQL server binaries (initdb, pg_ctl) not found." : null;
    }

    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = _port, Username = "postgres", Database = "postgres", Timeout = 30,
    }.ConnectionString;

    /// <summary>The one cluster of this test run, started on first use.</summary>
    public static async Task<PostgresCluster> SharedAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_shared is not null)
            {
                return _shared;
            }

            if (_unavailableReason is not null)
            {
                throw new InvalidOperationException(_unavailableReason);
            }

            var bin = FindBinDirectory();
            if (bin is null)
            {
                _unavailableReason = "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin; install postgresql.";
                throw new InvalidOperationException(_unavailableReason);
            }

            var cluster = new PostgresCluster(bin);
            await cluster.InitializeAsync();
            _shared = cluster;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return cluster;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>Stops the shared cluster now, if one was started (it also stops when the process exits).</summary>
    public static async Task StopSharedAsync()
    {
        if (_shared is { } cluster)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _directory], asPostgres: false);
        }

        var data = Path.Combine(_directory, "data");
        await RunAsync(Path.Combine(_binDirectory, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        var serverOptions = $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", data, "-l", Path.Combine(_directory, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"], asRoot);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Directory.Exists(_directory))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => bin, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
