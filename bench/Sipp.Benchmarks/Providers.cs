using Sipp.Web.Infrastructure.Data;

namespace Sipp.Benchmarks;

internal static class Providers
{
    public static DatabaseProvider Parse(string name) =>
        name.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}
