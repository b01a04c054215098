using NpgsqlTypes;
using Sipp.Data;
using Sipp.Data.Audit;
using Sipp.Data.Workers;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// Inserts many new participants with their employments, first wages and audit events inside the caller's transaction
/// (<see cref="BulkInsert"/>). The caller sets the worker-list copies on each employment
/// (<see cref="WorkerListCopies.Copy"/> and its latest wage), since no save runs here.
/// </summary>
public static class WorkerBulkInsert
{
    public static async Task InsertAsync(
        SippDbContext db, IReadOnlyList<Participant> participants, IReadOnlyList<Employment> employments, IReadOnlyList<WageChange> wages,
        IReadOnlyList<AuditEvent> audits, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, "Participants", ParticipantColumns, participants, ParticipantValues, cancellationToken);
        await BulkInsert.InsertAsync(db, "Employments", EmploymentColumns, employments, EmploymentValues, cancellationToken);
        await BulkInsert.InsertAsync(db, "WageChanges", WageColumns, wages, WageValues, cancellationToken);
        await InsertAuditsAsync(db, audits, cancellationToken);
    }

    /// <summary>New wage changes; the caller refreshes the latest-wage copies (<see cref="WorkerListCopies.RefreshLatestWagesAsync"/>).</summary>
    public static Task InsertWagesAsync(SippDbContext db, IReadOnlyList<WageChange> wages, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, "WageChanges", WageColumns, wages, WageValues, cancellationToken);

    public static Task InsertAuditsAsync(SippDbContext db, IReadOnlyList<AuditEvent> audits, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, "AuditEvents", AuditColumns, audits, AuditValues, cancellationToken);

    /// <summary>Late charges of an upload (a whole division's backdated raise is two per worker), inside the import's transaction.</summary>
    public static Task InsertLateChargesAsync(SippDbContext db, IReadOnlyList<Sipp.Data.Contributions.LateCharge> charges, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, "LateCharges", LateChargeColumns, charges, LateChargeValues, cancellationToken);

    private static readonly (string Name, NpgsqlDbType Type)[] ParticipantColumns =
    [
        ("Id", NpgsqlDbType.Uuid), ("Kpj", NpgsqlDbType.Char), ("Nik", NpgsqlDbType.Char), ("PassportNumber", NpgsqlDbType.Varchar),
        ("CountryCode", NpgsqlDbType.Char), ("FullName", NpgsqlDbType.Varchar), ("NameNormalized", NpgsqlDbType.Varchar),
        ("BirthDate", NpgsqlDbType.Date), ("Sex", NpgsqlDbType.Integer), ("Citizenship", NpgsqlDbType.Integer), ("CreatedAt", NpgsqlDbType.TimestampTz),
    ];

    private static object?[] ParticipantValues(Participant p) =>
    [
        p.Id, p.Kpj, p.Nik, p.PassportNumber, p.CountryCode, p.FullName, p.NameNormalized, p.BirthDate, (int)p.Sex, (int)p.Citizenship, p.CreatedAt,
    ];

    private static readonly (string Name, NpgsqlDbType Type)[] EmploymentColumns =
    [
        ("Id", NpgsqlDbType.Uuid), ("ParticipantId", NpgsqlDbType.Uuid), ("DivisionId", NpgsqlDbType.Uuid), ("Status", NpgsqlDbType.Integer),
        ("EmploymentType", NpgsqlDbType.Integer), ("WorkStartDate", NpgsqlDbType.Date), ("ContractEndDate", NpgsqlDbType.Date),
        ("MembershipStartDate", NpgsqlDbType.Date), ("EndDate", NpgsqlDbType.Date), ("EndReason", NpgsqlDbType.Integer), ("EndReasonText", NpgsqlDbType.Varchar),
        ("RejectionReason", NpgsqlDbType.Varchar), ("RegisteredOn", NpgsqlDbType.Date), ("CreatedAt", NpgsqlDbType.TimestampTz), ("VerifiedAt", NpgsqlDbType.TimestampTz),
        ("SortName", NpgsqlDbType.Varchar), ("SearchKpj", NpgsqlDbType.Varchar), ("SearchNik", NpgsqlDbType.Varchar), ("LatestUpah", NpgsqlDbType.Bigint),
        ("BirthPlace", NpgsqlDbType.Varchar), ("MotherMaidenName", NpgsqlDbType.Varchar), ("MaritalStatus", NpgsqlDbType.Integer), ("Address", NpgsqlDbType.Varchar),
        ("PostalCode", NpgsqlDbType.Varchar), ("Phone", NpgsqlDbType.Varchar), ("Email", NpgsqlDbType.Varchar), ("Npwp", NpgsqlDbType.Varchar),
    ];

    private static object?[] EmploymentValues(Employment e) =>
    [
        e.Id, e.ParticipantId, e.DivisionId, (int)e.Status, (int)e.EmploymentType, e.WorkStartDate, e.ContractEndDate, e.MembershipStartDate, e.EndDate,
        e.EndReason is null ? null : (int)e.EndReason, e.EndReasonText, e.RejectionReason, e.RegisteredOn, e.CreatedAt, e.VerifiedAt,
        e.SortName, e.SearchKpj, e.SearchNik, e.LatestUpah, e.BirthPlace, e.MotherMaidenName, (int)e.MaritalStatus, e.Address, e.PostalCode, e.Phone, e.Email, e.Npwp,
    ];

    private static readonly (string Name, NpgsqlDbType Type)[] WageColumns =
    [
        ("EmploymentId", NpgsqlDbType.Uuid), ("EffectiveFrom", NpgsqlDbType.Char), ("Upah", NpgsqlDbType.Bigint), ("CreatedAt", NpgsqlDbType.TimestampTz),
        ("CreatedByUserId", NpgsqlDbType.Uuid),
    ];

    private static object?[] WageValues(WageChange w) => [w.EmploymentId, w.EffectiveFrom.ToString(), w.Upah, w.CreatedAt, w.CreatedByUserId];

    private static readonly (string Name, NpgsqlDbType Type)[] LateChargeColumns =
    [
        ("Id", NpgsqlDbType.Uuid), ("DivisionId", NpgsqlDbType.Uuid), ("EmploymentId", NpgsqlDbType.Uuid), ("Kind", NpgsqlDbType.Integer), ("MonthPeriodId", NpgsqlDbType.Uuid),
        ("Month", NpgsqlDbType.Char), ("Upah", NpgsqlDbType.Bigint), ("Jht", NpgsqlDbType.Bigint), ("Jkk", NpgsqlDbType.Bigint), ("Jkm", NpgsqlDbType.Bigint),
        ("Jp", NpgsqlDbType.Bigint), ("TotalEmployer", NpgsqlDbType.Bigint), ("TotalWorker", NpgsqlDbType.Bigint), ("Total", NpgsqlDbType.Bigint),
        ("ChargedOnBillId", NpgsqlDbType.Uuid), ("CreatedAt", NpgsqlDbType.TimestampTz),
    ];

    private static object?[] LateChargeValues(Sipp.Data.Contributions.LateCharge c) =>
    [
        c.Id, c.DivisionId, c.EmploymentId, (int)c.Kind, c.MonthPeriodId, c.Month.ToString(), c.Upah, c.Jht, c.Jkk, c.Jkm, c.Jp, c.TotalEmployer, c.TotalWorker, c.Total,
        c.ChargedOnBillId, c.CreatedAt,
    ];

    private static readonly (string Name, NpgsqlDbType Type)[] AuditColumns =
    [
        ("OccurredAt", NpgsqlDbType.TimestampTz), ("ActorUserId", NpgsqlDbType.Uuid), ("ActorName", NpgsqlDbType.Varchar), ("DivisionId", NpgsqlDbType.Uuid),
        ("IpAddress", NpgsqlDbType.Varchar), ("Action", NpgsqlDbType.Varchar), ("EntityType", NpgsqlDbType.Varchar), ("EntityId", NpgsqlDbType.Varchar),
        ("Before", NpgsqlDbType.Varchar), ("After", NpgsqlDbType.Varchar),
    ];

    private static object?[] AuditValues(AuditEvent a) =>
        [a.OccurredAt, a.ActorUserId, a.ActorName, a.DivisionId, a.IpAddress, a.Action, a.EntityType, a.EntityId, a.Before, a.After];
}
