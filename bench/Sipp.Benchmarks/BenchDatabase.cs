using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Benchmarks;

/// <summary>A fresh, migrated database for a scenario: a temp SQLite file, or a database on a throwaway PostgreSQL cluster.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider)
    {
        BenchDatabase database;
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var cluster = await PostgresCluster.SharedAsync();
            database = new BenchDatabase(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync("bench_" + Guid.NewGuid().ToString("N")[..8]), null);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"sipp-bench-{Guid.NewGuid():N}.db");
            database = new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file);
        }

        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public SippDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<SippDbContext>();
        DatabaseSetup.Configure(builder, Provider, ConnectionString, Path.GetTempPath());
        return new SippDbContext(builder.Options);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_sqliteFile is not null)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }

        return ValueTask.CompletedTask;
    }
}
