using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Sipp.Data;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// Writes many rows of one table inside the caller's transaction: PostgreSQL binary COPY, or on SQLite one prepared
/// INSERT reused for every row. Values are written in the representation EF Core uses for each provider (checked by a
/// round-trip test), so EF reads them back as if it had written them.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(
        SippDbContext db, string table, (string Name, NpgsqlDbType Type)[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk insert needs the caller's transaction.");
        if (db.Database.IsNpgsql())
        {
            await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), table, columns, rows, values, cancellationToken);
        }
        else
        {
            await InsertAsync((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction.GetDbTransaction(), table, columns, rows, values, cancellationToken);
        }
    }

    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, (string Name, NpgsqlDbType Type)[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columnList = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            var cells = values(row);
            for (var i = 0; i < columns.Length; i++)
            {
                if (cells[i] is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(cells[i], columns[i].Type, cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, string table, (string Name, NpgsqlDbType Type)[] columns, IReadOnlyList<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            var cells = values(row);
            for (var i = 0; i < cells.Length; i++)
            {
                parameters[i].Value = ToSqlite(cells[i]);
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
        short or int or long => value,
        _ => value.ToString()!,
    };
}
