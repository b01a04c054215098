using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;

namespace Sipp.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Sipp";
    private const string DefaultSqlite = "Data Source=data/sipp.db";

    public static IServiceCollection AddSippDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContext<SippDbContext>((provider, builder) => Configure(
            builder,
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider,
            provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string? connectionString, string contentRoot)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Sipp is empty (e.g. Host=localhost;Database=sipp;Username=sipp;Password=…).");
                }

                builder.UseNpgsql(WithSessionDefaults(connectionString), npgsql => npgsql.MigrationsAssembly("Sipp.Migrations.Postgres").ExecutionStrategy(d => new ReadRetryExecutionStrategy(d)));
                break;
            default:
                builder.UseSqlite(PrepareSqlite(connectionString ?? DefaultSqlite, contentRoot), sqlite => sqlite.MigrationsAssembly("Sipp.Migrations.Sqlite"));
                break;
        }
    }

    /// <summary>
    /// Sipp's session settings on PostgreSQL, unless the connection string sets its own <c>Options</c>:
    /// <list type="bullet">
    /// <item>JIT off: Sipp's queries are many and short; PostgreSQL's JIT compiled the ones its planner estimates as large
    /// (the 100,000-line ones) longer than they ran (0.2–0.45 s for "Hitung Iuran", 80 ms per 1,000 upload rows).</item>
    /// <item>A transaction left idle for 15 s is ended by the server and a statement stops after 2 minutes, so a frozen or
    /// partitioned node releases its locks in seconds instead of holding a division until someone kills it (issue 15:
    /// a retry waited 30 s and failed); TCP keep-alives from both ends notice a dead peer within about 30 s.</item>
    /// <item>No parallel workers for a query: under many users each web request is already one of many running at once,
    /// and a parallel plan spent three processes' time for the same answer (the 100,000-worker Beranda count: 66 ms of
    /// CPU in parallel against 37 ms alone, issue 15's load campaign).</item>
    /// </list>
    /// The longest statements of the product (a 100,000-row COPY, "Hitung Iuran" of 100,000 workers) take a few seconds.
    /// </summary>
    public static string WithSessionDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Options ??= "-c jit=off -c max_parallel_workers_per_gather=0 -c idle_in_transaction_session_timeout=15s -c statement_timeout=120s "
            + "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=4";
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = 10;
        }

        return builder.ConnectionString;
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder.</summary>
    private static string PrepareSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
