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

                builder.UseNpgsql(WithoutJit(connectionString), npgsql => npgsql.MigrationsAssembly("Sipp.Migrations.Postgres"));
                break;
            default:
                builder.UseSqlite(PrepareSqlite(connectionString ?? DefaultSqlite, contentRoot), sqlite => sqlite.MigrationsAssembly("Sipp.Migrations.Sqlite"));
                break;
        }
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder.</summary>
    /// <summary>
    /// Sipp's queries are many and short; PostgreSQL's JIT compiles those its planner estimates as large (the 100,000-line
    /// ones) and compiling took longer than running them: 0.2–0.45 s for "Hitung Iuran", about 80 ms per 1,000 rows of an
    /// upload's late-charge check. Off for Sipp's own connections, unless the connection string already sets options.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Options ??= "-c jit=off";
        return builder.ConnectionString;
    }

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
