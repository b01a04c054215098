using Sipp.Data;
using Sipp.Data.Audit;
using Sipp.Data.Contributions;
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
        await BulkInsert.InsertAsync(db, participants, cancellationToken);
        await BulkInsert.InsertAsync(db, employments, cancellationToken);
        await BulkInsert.InsertAsync(db, wages, cancellationToken);
        await InsertAuditsAsync(db, audits, cancellationToken);
    }

    /// <summary>New wage changes; the caller refreshes the latest-wage copies (<see cref="WorkerListCopies.RefreshLatestWagesAsync"/>).</summary>
    public static Task InsertWagesAsync(SippDbContext db, IReadOnlyList<WageChange> wages, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, wages, cancellationToken);

    public static Task InsertAuditsAsync(SippDbContext db, IReadOnlyList<AuditEvent> audits, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, audits, cancellationToken);

    /// <summary>Late charges of an upload (a whole division's backdated raise is two per worker), inside the import's transaction.</summary>
    public static Task InsertLateChargesAsync(SippDbContext db, IReadOnlyList<LateCharge> charges, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, charges, cancellationToken);
}
