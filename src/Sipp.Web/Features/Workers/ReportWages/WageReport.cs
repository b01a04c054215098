using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Domain;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Features.Workers.Uploads;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Files;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Workers.ReportWages;

/// <summary>One line of a payroll's list: the worker by KPJ or Nomor Pegawai, the wage, and optionally when they started or stopped.</summary>
public sealed record ReportedWage(int Row, string? Kpj, string? EmployeeNumber, string? Upah, string? Start, string? End);

public sealed record WageChangeLine(int Row, string? Kpj, string? EmployeeNumber, string Name, long? Before, long After);

public sealed record AbsentWorker(string? Kpj, string? EmployeeNumber, string Name);

public sealed record RefusedLine(int Row, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>What the payroll's list means against Sipp, and whether its changes were applied.</summary>
public sealed record WageReconciliation(
    Period Period, int Rows, int Unchanged, IReadOnlyList<WageChangeLine> Changes, IReadOnlyList<ReportedWage> NotEnrolled,
    IReadOnlyList<AbsentWorker> Absent, IReadOnlyList<ReportedWage> ReportedLeaving, IReadOnlyList<RefusedLine> Refused, bool Applied);

/// <summary>
/// "Lapor Upah": a payroll's whole list for a period reconciled with the division — unchanged, wage changes, people not
/// enrolled yet, active workers missing from the payroll, rows refused — each wage row checked exactly as a row of the
/// wage upload (the same validation), and on request the changes applied, all or none.
/// </summary>
public sealed class WageReport(SippDbContext db, LateChargePlanner lateCharges, UploadImporter importer, TimeProvider clock)
{
    public const int MaxRows = 100_000;

    public async Task<Result<WageReconciliation>> ReconcileAsync(string periode, IReadOnlyList<ReportedWage> lines, bool apply, Actor actor, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(periode, out var period, out var periodError))
        {
            return Refusal.Field("periode", periodError);
        }

        if (lines.Count > MaxRows)
        {
            return Refusal.Field("baris", Wording.Of($"Paling banyak {MaxRows:#,0} baris per laporan."));
        }

        var workers = await DivisionWorkers.LoadAsync(db, cancellationToken);
        var known = new List<(ReportedWage Line, SheetRow Row)>();
        var notEnrolled = new List<ReportedWage>();
        var refused = new List<RefusedLine>();
        foreach (var line in lines)
        {
            var kpj = line.Kpj?.Trim();
            var number = line.EmployeeNumber?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(kpj) && string.IsNullOrEmpty(number))
            {
                refused.Add(new RefusedLine(line.Row, new Dictionary<string, string[]> { [UploadDefinition.KpjColumn] = [Wording.Of("KPJ atau Nomor Pegawai wajib diisi.")] }));
            }
            else if ((kpj is { Length: > 0 } && !workers.ByKpj.ContainsKey(kpj)) || (string.IsNullOrEmpty(kpj) && !workers.ByNumber.ContainsKey(number!)))
            {
                notEnrolled.Add(line); // a joiner the payroll knows and Sipp does not (yet)
            }
            else
            {
                known.Add((line, new SheetRow(line.Row, new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
                {
                    [UploadDefinition.KpjColumn] = kpj, [F.EmployeeNumber] = number, [F.Wage] = line.Upah, [F.WageFrom] = period.ToString(),
                })));
            }
        }

        var validation = await UploadValidation.CreateAsync(
            db, lateCharges, new UploadBatch { FileName = "laporan-upah", DivisionId = db.ScopedDivisionId, Kind = UploadKind.Upah }, clock.JakartaToday(), cancellationToken, workers);
        var results = new List<RowResult<object>>(known.Count);
        foreach (var chunk in known.Chunk(UploadChecker.ChunkSize)) // as the upload's check: the database asked a thousand rows at a time
        {
            results.AddRange(await validation.CompleteAsync(validation.Prepare(chunk.Select(k => k.Row).ToList()), cancellationToken));
        }

        var updates = new List<(ReportedWage Line, WageUpdate Update)>();
        var unchanged = 0;
        foreach (var (result, (line, _)) in results.Zip(known))
        {
            switch (result.Value)
            {
                case WageUpdate { Unchanged: true }:
                    unchanged++;
                    break;
                case WageUpdate update when result.IsValid:
                    updates.Add((line, update));
                    break;
                default:
                    refused.Add(new RefusedLine(line.Row, result.Errors));
                    break;
            }
        }

        var matched = results.Select(r => r.Value).OfType<WageUpdate>().Select(u => u.Worker.Id).ToHashSet();
        var division = await DivisionFactsAsync(period, cancellationToken);
        var changes = updates.Select(u => (u, Worker: division[u.Update.Worker.Id]))
            .Select(c => new WageChangeLine(c.u.Line.Row, c.u.Update.Worker.Kpj, c.Worker.Number, c.Worker.Name, c.Worker.Upah, c.u.Update.Upah)).ToList();
        var absent = division.Values.Where(w => w.Status == EmploymentStatus.Aktif && w.MembershipStart <= period.LastDay && !matched.Contains(w.Id))
            .OrderBy(w => w.SortName).Select(w => new AbsentWorker(w.Kpj, w.Number, w.Name)).ToList();
        var reconciliation = new WageReconciliation(
            period, lines.Count, unchanged, changes, notEnrolled, absent,
            lines.Where(l => !string.IsNullOrWhiteSpace(l.End)).ToList(), refused.OrderBy(r => r.Row).ToList(), Applied: false);
        if (!apply)
        {
            return reconciliation;
        }

        if (refused.Count > 0)
        {
            return new Refusal(RefusalKind.Unprocessable, new Dictionary<string, string[]>
            {
                [Refusal.Whole] = [Wording.Of($"{refused.Count:#,0} baris ditolak: tidak ada perubahan yang diterapkan. Perbaiki baris itu, atau kirim tanpa terapkan untuk melihatnya.")],
            });
        }

        await importer.ApplyWagesAsync(db.ScopedDivisionId, updates.Select(u => u.Update).ToList(), actor, new { laporanUpah = period.ToString() }, cancellationToken);
        return reconciliation with { Applied = true };
    }

    private sealed record DivisionWorker(Guid Id, string? Kpj, string? Number, string Name, string SortName, EmploymentStatus Status, DateOnly MembershipStart, long? Upah);

    /// <summary>
    /// Every worker of the division with the wage in effect in <paramref name="period"/>: two reads of the division (its
    /// employments, its wage history up to the period), not one query per worker.
    /// </summary>
    private async Task<Dictionary<Guid, DivisionWorker>> DivisionFactsAsync(Period period, CancellationToken cancellationToken)
    {
        var wages = new Dictionary<Guid, (Period From, long Upah)>();
        await foreach (var wage in db.WageChanges.AsNoTracking().Where(w => w.EffectiveFrom <= period)
                           .Select(w => new { w.EmploymentId, w.EffectiveFrom, w.Upah }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!wages.TryGetValue(wage.EmploymentId, out var known) || known.From < wage.EffectiveFrom)
            {
                wages[wage.EmploymentId] = (wage.EffectiveFrom, wage.Upah);
            }
        }

        var employments = await db.Employments.AsNoTracking()
            .Select(e => new { e.Id, e.Participant.Kpj, e.EmployeeNumber, e.Participant.FullName, e.SortName, e.Status, e.MembershipStartDate })
            .ToListAsync(cancellationToken);
        return employments.ToDictionary(e => e.Id, e => new DivisionWorker(e.Id, e.Kpj, e.EmployeeNumber, e.FullName, e.SortName, e.Status, e.MembershipStartDate,
            wages.TryGetValue(e.Id, out var wage) ? wage.Upah : null));
    }
}
