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
        // The migrations belong to the product's context; the observer shares its tables.
        await using var db = database.NewProductContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A context that sees every division, for tests and benchmarks that inspect or fill the database directly.</summary>
    public SippDbContext NewContext() => new ObserverDbContext(Options());

    /// <summary>The product's own context, scoped to one division at a time (its migrations and model are this one's).</summary>
    public SippDbContext NewProductContext() => new(Options());

    /// <summary>The product's context acting for one division, as after its user chose the company.</summary>
    public SippDbContext NewContextFor(Guid divisionId)
    {
        var db = NewProductContext();
        db.ScopeTo(divisionId);
        return db;
    }

    private DbContextOptions<SippDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<SippDbContext>();
        DatabaseSetup.Configure(builder, Provider, ConnectionString, Path.GetTempPath());
        return builder.Options;
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
