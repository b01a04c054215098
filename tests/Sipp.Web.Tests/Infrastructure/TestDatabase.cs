using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Web.Infrastructure.Data;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>A fresh, migrated database of one provider for one test class or test; deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Creates an empty database (not migrated).</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider, string name)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var cluster = await PostgresCluster.SharedAsync();
            var database = "t_" + name.ToLowerInvariant().Replace('.', '_') + "_" + Guid.NewGuid().ToString("N")[..8];
            return new TestDatabase(provider, await cluster.CreateDatabaseAsync(database[..Math.Min(database.Length, 63)]), null);
        }

        var file = Path.Combine(Path.GetTempPath(), $"sipp-test-{name}-{Guid.NewGuid():N}.db");
        return new TestDatabase(provider, $"Data Source={file}", file);
    }

    /// <summary>Creates a database and applies the real migrations of its provider.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string name)
    {
        var database = await CreateEmptyAsync(provider, name);
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

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        await Task.CompletedTask;
    }
}
