using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Sipp.Data;
using Sipp.Data.Audit;
using Sipp.Data.Workers;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// Inserts many new participants with their employments, first wages and audit events inside the caller's transaction:
/// PostgreSQL binary COPY, or on SQLite one prepared INSERT per table reused for every row. Values are written in the
/// same representation EF Core uses for each provider (checked by a round-trip test). The caller sets the worker-list
/// copies on each employment (<see cref="WorkerListCopies.Copy"/> and its latest wage), since no save runs here.
/// </summary>
public static class WorkerBulkInsert
{
    public static async Task InsertAsync(
        SippDbContext db, IReadOnlyList<Participant> participants, IReadOnlyList<Employment> employments, IReadOnlyList<WageChange> wages,
        IReadOnlyList<AuditEvent> audits, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk insert needs the caller's transaction.");
        if (db.Database.IsNpgsql())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await CopyAsync(connection, "Participants", ParticipantColumns, participants, ParticipantValues, cancellationToken);
            await CopyAsync(connection, "Employments", EmploymentColumns, employments, EmploymentValues, cancellationToken);
            await CopyAsync(connection, "WageChanges", WageColumns, wages, WageValues, cancellationToken);
            await CopyAsync(connection, "AuditEvents", AuditColumns, audits, AuditValues, cancellationToken);
        }
        else
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
            await InsertAsync(connection, sqliteTransaction, "Participants", ParticipantColumns, participants, ParticipantValues, cancellationToken);
            await InsertAsync(connection, sqliteTransaction, "Employments", EmploymentColumns, employments, EmploymentValues, cancellationToken);
            await InsertAsync(connection, sqliteTransaction, "WageChanges", WageColumns, wages, WageValues, cancellationToken);
            await InsertAsync(connection, sqliteTransaction, "AuditEvents", AuditColumns, audits, AuditValues, cancellationToken);
        }
    }

    private static readonly (string Name, NpgsqlDbType Type)[] ParticipantColumns =
    [
        ("Id", NpgsqlDbType.Uuid), ("Kpj", NpgsqlDbType.Char), ("Nik", NpgsqlDbType.Char), ("PassportNumber", NpgsqlDbType.Varchar),
        ("CountryCode", NpgsqlDbType.Char), ("FullName", NpgsqlDbType.Varchar), ("NameNormalized", NpgsqlDbType.Varchar), ("BirthPlace", NpgsqlDbType.Varchar),
        ("BirthDate", NpgsqlDbType.Date), ("Sex", NpgsqlDbType.Integer), ("MotherMaidenName", NpgsqlDbType.Varchar), ("Citizenship", NpgsqlDbType.Integer),
        ("MaritalStatus", NpgsqlDbType.Integer), ("Address", NpgsqlDbType.Varchar), ("PostalCode", NpgsqlDbType.Varchar), ("Phone", NpgsqlDbType.Varchar),
        ("Email", NpgsqlDbType.Varchar), ("Npwp", NpgsqlDbType.Varchar), ("CreatedAt", NpgsqlDbType.TimestampTz),
    ];

    private static object?[] ParticipantValues(Participant p) =>
    [
        p.Id, p.Kpj, p.Nik, p.PassportNumber, p.CountryCode, p.FullName, p.NameNormalized, p.BirthPlace, p.BirthDate, (int)p.Sex, p.MotherMaidenName,
        (int)p.Citizenship, (int)p.MaritalStatus, p.Address, p.PostalCode, p.Phone, p.Email, p.Npwp, p.CreatedAt,
    ];

    private static readonly (string Name, NpgsqlDbType Type)[] EmploymentColumns =
    [
        ("Id", NpgsqlDbType.Uuid), ("ParticipantId", NpgsqlDbType.Uuid), ("DivisionId", NpgsqlDbType.Uuid), ("Status", NpgsqlDbType.Integer),
        ("EmploymentType", NpgsqlDbType.Integer), ("WorkStartDate", NpgsqlDbType.Date), ("ContractEndDate", NpgsqlDbType.Date),
        ("MembershipStartDate", NpgsqlDbType.Date), ("EndDate", NpgsqlDbType.Date), ("EndReason", NpgsqlDbType.Integer), ("EndReasonText", NpgsqlDbType.Varchar),
        ("RejectionReason", NpgsqlDbType.Varchar), ("RegisteredOn", NpgsqlDbType.Date), ("CreatedAt", NpgsqlDbType.TimestampTz), ("VerifiedAt", NpgsqlDbType.TimestampTz),
        ("SortName", NpgsqlDbType.Varchar), ("SearchKpj", NpgsqlDbType.Varchar), ("SearchNik", NpgsqlDbType.Varchar), ("LatestUpah", NpgsqlDbType.Bigint),
    ];

    private static object?[] EmploymentValues(Employment e) =>
    [
        e.Id, e.ParticipantId, e.DivisionId, (int)e.Status, (int)e.EmploymentType, e.WorkStartDate, e.ContractEndDate, e.MembershipStartDate, e.EndDate,
        e.EndReason is null ? null : (int)e.EndReason, e.EndReasonText, e.RejectionReason, e.RegisteredOn, e.CreatedAt, e.VerifiedAt,
        e.SortName, e.SearchKpj, e.SearchNik, e.LatestUpah,
    ];

    private static readonly (string Name, NpgsqlDbType Type)[] WageColumns =
    [
        ("EmploymentId", NpgsqlDbType.Uuid), ("EffectiveFrom", NpgsqlDbType.Char), ("Upah", NpgsqlDbType.Bigint), ("CreatedAt", NpgsqlDbType.TimestampTz),
        ("CreatedByUserId", NpgsqlDbType.Uuid),
    ];

    private static object?[] WageValues(WageChange w) => [w.EmploymentId, w.EffectiveFrom.ToString(), w.Upah, w.CreatedAt, w.CreatedByUserId];

    private static readonly (string Name, NpgsqlDbType Type)[] AuditColumns =
    [
        ("OccurredAt", NpgsqlDbType.TimestampTz), ("ActorUserId", NpgsqlDbType.Uuid), ("ActorName", NpgsqlDbType.Varchar), ("DivisionId", NpgsqlDbType.Uuid),
        ("IpAddress", NpgsqlDbType.Varchar), ("Action", NpgsqlDbType.Varchar), ("EntityType", NpgsqlDbType.Varchar), ("EntityId", NpgsqlDbType.Varchar),
        ("Before", NpgsqlDbType.Varchar), ("After", NpgsqlDbType.Varchar),
    ];

    private static object?[] AuditValues(AuditEvent a) =>
        [a.OccurredAt, a.ActorUserId, a.ActorName, a.DivisionId, a.IpAddress, a.Action, a.EntityType, a.EntityId, a.Before, a.After];

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
        int or long => value,
        _ => value.ToString()!,
    };
}
