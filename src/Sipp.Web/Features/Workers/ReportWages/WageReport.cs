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
            db, lateCharges, new UploadBatch { FileName = "laporan-upah", DivisionId = db.ScopedDivisionId, Kind = UploadKind.Upah }, clock.JakartaToday(), cancellationToken);
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
        var reconciliation = new WageReconciliation(
            period, lines.Count, unchanged, await ChangesAsync(updates, period, cancellationToken), notEnrolled, await AbsentAsync(matched, period, cancellationToken),
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

    private async Task<List<WageChangeLine>> ChangesAsync(List<(ReportedWage Line, WageUpdate Update)> updates, Period period, CancellationToken cancellationToken)
    {
        var ids = updates.Select(u => u.Update.Worker.Id).ToList();
        var current = new Dictionary<Guid, (string Name, string? Number, long? Upah)>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            foreach (var w in await db.Employments.AsNoTracking().Where(e => chunk.Contains(e.Id))
                         .Select(e => new
                         {
                             e.Id, e.Participant.FullName, e.EmployeeNumber,
                             Upah = e.WageHistory.Where(h => h.EffectiveFrom <= period).OrderByDescending(h => h.EffectiveFrom).Select(h => (long?)h.Upah).FirstOrDefault(),
                         }).ToListAsync(cancellationToken))
            {
                current[w.Id] = (w.FullName, w.EmployeeNumber, w.Upah);
            }
        }

        return updates.Select(u => new WageChangeLine(u.Line.Row, u.Update.Worker.Kpj, current[u.Update.Worker.Id].Number, current[u.Update.Worker.Id].Name,
            current[u.Update.Worker.Id].Upah, u.Update.Upah)).ToList();
    }

    /// <summary>Active workers of the period the payroll does not list: possible leavers to deactivate.</summary>
    private async Task<List<AbsentWorker>> AbsentAsync(HashSet<Guid> listed, Period period, CancellationToken cancellationToken)
    {
        var active = await db.Employments.AsNoTracking()
            .Where(e => e.Status == EmploymentStatus.Aktif && e.MembershipStartDate <= period.LastDay)
            .OrderBy(e => e.SortName)
            .Select(e => new { e.Id, e.Participant.Kpj, e.EmployeeNumber, e.Participant.FullName })
            .ToListAsync(cancellationToken);
        return active.Where(e => !listed.Contains(e.Id)).Select(e => new AbsentWorker(e.Kpj, e.EmployeeNumber, e.FullName)).ToList();
    }
}
