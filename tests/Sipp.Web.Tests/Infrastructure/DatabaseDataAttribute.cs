using System.Reflection;
using Sipp.Web.Infrastructure.Data;
using Xunit.Sdk;
using Xunit.v3;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>
/// Runs a data test once per database provider: always on SQLite, and on PostgreSQL when its server binaries are
/// here (or always, failing if missing, with SIPP_TEST_POSTGRES=required).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var postgresSkip = PostgresCluster.SkipReason();
        IReadOnlyCollection<ITheoryDataRow> rows =
        [
            new TheoryDataRow(DatabaseProvider.Sqlite),
            new TheoryDataRow(DatabaseProvider.Postgres) { Skip = postgresSkip },
        ];
        return ValueTask.FromResult(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
