using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Sipp.Data;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// Writes many rows of one entity inside the caller's transaction: PostgreSQL binary COPY, or on SQLite one prepared
/// INSERT reused for every row. The table, its columns, their store types and each value's conversion come from the EF
/// model (a column added to the model is written with no change here; a test compares them with the database's own
/// columns), and values are written in the representation EF Core uses for each provider (checked by a round-trip test),
/// so EF reads them back as if it had written them. Columns the database generates (identity keys) are left to it.
/// </summary>
public static class BulkInsert
{
    private static readonly ConcurrentDictionary<(Type, bool), Table> Tables = new();

    public static async Task InsertAsync<T>(SippDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk insert needs the caller's transaction.");
        if (rows.Count == 0)
        {
            return;
        }

        var postgres = db.Database.IsNpgsql();
        var table = TableOf(db, typeof(T), postgres);
        if (postgres)
        {
            await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), table, rows, cancellationToken);
        }
        else
        {
            await InsertAsync((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction.GetDbTransaction(), table, rows, cancellationToken);
        }
    }

    /// <summary>The columns bulk insert writes for an entity: every mapped property but the store-generated keys.</summary>
    public static IReadOnlyList<string> ColumnsOf(SippDbContext db, Type entity) => TableOf(db, entity, db.Database.IsNpgsql()).Columns.Select(c => c.Name).ToList();

    private static Table TableOf(SippDbContext db, Type clrType, bool postgres) => Tables.GetOrAdd((clrType, postgres), _ =>
    {
        var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType is var t && (t == typeof(long) || t == typeof(int))))
            .Select(p => new Column(p.GetColumnName(store)!, p.GetGetter(), p.GetTypeMapping().Converter, StoreTypeName(p.GetRelationalTypeMapping().StoreType)))
            .ToArray();
        return new Table(name, columns);
    });

    /// <summary>"character varying(200)" → "character varying": the COPY writer names types without their size.</summary>
    private static string StoreTypeName(string storeType) => storeType.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? storeType[..open].Trim() : storeType;

    private static async Task CopyAsync<T>(NpgsqlConnection connection, Table table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var columnList = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                if (column.ValueOf(row) is { } value)
                {
                    await writer.WriteAsync(value, column.StoreType, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertAsync<T>(SqliteConnection connection, SqliteTransaction transaction, Table table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Length; i++)
            {
                parameters[i].Value = ToSqlite(table.Columns[i].ValueOf(row));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>EF Core's SQLite representations: upper-case GUID text, ISO dates, instants with 7 fraction digits.</summary>
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid guid => guid.ToString("D").ToUpperInvariant(),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool flag => flag ? 1 : 0,
        byte or short or int or long => value,
        _ => value.ToString()!,
    };

    private sealed record Table(string Name, Column[] Columns);

    /// <summary>A column: the property's value, converted as EF converts it (enums to numbers, Period to text).</summary>
    private sealed record Column(string Name, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, string StoreType)
    {
        public object? ValueOf(object row)
        {
            var value = Getter.GetClrValue(row);
            return value is not null && Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
