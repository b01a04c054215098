using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Data.Audit;
using Sipp.Data.Uploads;
using Sipp.Data.Workers;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Files;
using Sipp.Web.Infrastructure;

using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>
/// Imports the valid rows of a checked batch — all of them in one transaction, or none. The rows are checked again
/// first: if anything changed since the check (a NIK registered meanwhile, a period finalised), nothing is imported
/// and the user is asked to upload again.
/// </summary>
public sealed class UploadImporter(SippDbContext db, LateChargePlanner lateCharges, UploadStorage storage, Microsoft.Extensions.Options.IOptions<UploadOptions> options, TimeProvider clock)
{
    public async Task<Refusal?> ImportAsync(Guid batchId, Actor actor, CancellationToken cancellationToken)
    {
        var batch = await db.UploadBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null || batch.State != UploadState.SiapImpor)
        {
            return Refusal.Of(Wording.Of("Upload ini tidak siap diimpor (sudah diimpor, dibatalkan, atau ditolak)."), RefusalKind.Conflict);
        }

        var refusedBefore = (await db.UploadRowErrors.Where(e => e.BatchId == batchId).Select(e => e.RowNumber).ToListAsync(cancellationToken)).ToHashSet();
        var today = clock.JakartaToday();
        var validation = await UploadValidation.CreateAsync(db, lateCharges, batch, today, cancellationToken);
        var accepted = new List<RowResult<object>>();
        await using var copy = await storage.OpenAsync(batchId, cancellationToken);
        if (copy is null)
        {
            return Refusal.Of(Wording.Of("File upload ini tidak ditemukan lagi. Upload ulang file-nya."), RefusalKind.Conflict);
        }

        await foreach (var prepared in UploadFile.Open(copy.Path, batch, options.Value.Limits).ChunksAsync(UploadChecker.ChunkSize, validation.Prepare, cancellationToken))
        {
            foreach (var result in await validation.CompleteAsync(prepared, cancellationToken))
            {
                if (result.IsValid == refusedBefore.Contains(result.RowNumber))
                {
                    return Refusal.Of(Wording.Of($"Data berubah sejak file diperiksa (baris {result.RowNumber}). Tidak ada yang diimpor; upload file ini lagi untuk diperiksa ulang."), RefusalKind.Conflict);
                }

                if (result is { IsValid: true, Value: not WageUpdate { Unchanged: true } })
                {
                    accepted.Add(result);
                }
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.UploadBatches.Where(b => b.Id == batchId && b.State == UploadState.SiapImpor)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, UploadState.Diimpor).SetProperty(x => x.ImportedRows, accepted.Count)
                .SetProperty(x => x.ImportedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        if (claimed != 1)
        {
            return Refusal.Of(Wording.Of("Upload ini sedang atau sudah diimpor."), RefusalKind.Conflict);
        }

        switch (batch.Kind)
        {
            case UploadKind.Baru:
                await ImportNewWorkersAsync(batch, accepted.Select(r => (NewWorker)r.Value!).ToList(), actor, cancellationToken);
                break;
            case UploadKind.Lanjutan:
                await ImportContinuingWorkersAsync(batch, accepted.Select(r => (ContinuingWorker)r.Value!).ToList(), actor, cancellationToken);
                break;
            case UploadKind.NonAktif:
                await ImportDeactivationsAsync(batch, accepted.Select(r => (Deactivation)r.Value!).ToList(), actor, cancellationToken);
                break;
            default:
                await ImportWagesAsync(batch.DivisionId, accepted.Select(r => (WageUpdate)r.Value!).ToList(), actor, new { upload = batch.Id }, cancellationToken);
                break;
        }

        await storage.DeleteAsync(batchId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Thousands of new rows change what the query planner should choose: refresh its statistics.
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"Employments\"", cancellationToken);
        return null;
    }

    private async Task ImportNewWorkersAsync(UploadBatch batch, List<NewWorker> workers, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.JakartaToday();
        var participants = new List<Participant>(workers.Count);
        var employments = new List<Employment>(workers.Count);
        var wages = new List<WageChange>(workers.Count);
        var audits = new List<AuditEvent>(workers.Count);
        foreach (var worker in workers)
        {
            var participant = WorkerRecords.ToParticipant(worker, now);
            var employment = WorkerRecords.NewEmployment(participant.Id, batch.DivisionId, worker, today, now);
            WorkerListCopies.Copy(participant, employment);
            employment.LatestUpah = worker.Employment.Upah;
            participants.Add(participant);
            employments.Add(employment);
            wages.AddRange(employment.WageHistory.Select(w => { w.EmploymentId = employment.Id; return w; }));
            audits.Add(actor.Event(now, batch.DivisionId, "tenagaKerja.tambah", employment.Id, null,
                new { nama = participant.FullName, jalur = "upload", status = "Menunggu Verifikasi", upah = worker.Employment.Upah, mulai = worker.Employment.MembershipStart, nomorPegawai = worker.Employment.Number?.Value, upload = batch.Id }));
        }

        await WorkerBulkInsert.InsertAsync(db, participants, employments, wages, audits, cancellationToken);
    }

    /// <summary>As "Tambah Tenaga Kerja — Ya": active at once, the months already final billed as Iuran Susulan.</summary>
    private async Task ImportContinuingWorkersAsync(UploadBatch batch, List<ContinuingWorker> workers, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in workers.Chunk(UploadChecker.ChunkSize))
        {
            var employments = new List<Employment>(chunk.Length);
            var audits = new List<AuditEvent>(chunk.Length);
            foreach (var worker in chunk)
            {
                var employment = WorkerRecords.NewEmployment(worker.ParticipantId, batch.DivisionId, worker.Employment, EmploymentStatus.Aktif, worker.FirstRegistered, now);
                employment.VerifiedAt = now;
                (employment.SortName, employment.SearchKpj, employment.SearchNik, employment.LatestUpah) = (worker.NameNormalized, worker.Kpj, worker.Nik ?? worker.Passport, worker.Employment.Upah);
                employments.Add(employment);
                audits.Add(actor.Event(now, batch.DivisionId, "tenagaKerja.tambah", employment.Id, null, new
                {
                    kpj = worker.Kpj, jalur = "upload lanjutan", status = "Aktif", upah = worker.Employment.Upah, mulai = worker.Employment.MembershipStart,
                    nomorPegawai = worker.Employment.Number?.Value, upload = batch.Id,
                }));
            }

            var wages = employments.SelectMany(e => e.WageHistory.Select(w => { w.EmploymentId = e.Id; return w; })).ToList();
            await WorkerBulkInsert.InsertAsync(db, [], employments, wages, audits, cancellationToken);
            await SaveWithLateChargesAsync(batch.DivisionId, employments.Select(e => e.Id).ToList(), actor, now, cancellationToken);
        }
    }

    private async Task ImportDeactivationsAsync(UploadBatch batch, List<Deactivation> rows, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in rows.Chunk(UploadChecker.ChunkSize))
        {
            var ids = chunk.Select(r => r.Worker.Id).ToList();
            var employments = await db.Employments.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
            foreach (var row in chunk)
            {
                var employment = employments[row.Worker.Id];
                employment.Status = EmploymentStatus.NonAktif;
                employment.EndDate = row.EndDate;
                employment.EndReason = row.Reason;
                employment.EndReasonText = row.Text;
                db.AuditEvents.Add(actor.Event(now, batch.DivisionId, "tenagaKerja.nonAktif", employment.Id, new { status = "Aktif" },
                    new { status = "Non Aktif", tanggal = row.EndDate, alasan = WorkerTexts.Reason(row.Reason), keterangan = row.Text, upload = batch.Id }));
            }

            await SaveWithLateChargesAsync(batch.DivisionId, ids, actor, now, cancellationToken);
        }
    }

    /// <summary>
    /// The wage changes of a payroll's report ("Lapor Upah", checked by the same validation as the wage upload): written as
    /// an upload's are, all in one transaction, with the late charges they cause.
    /// </summary>
    public async Task ApplyWagesAsync(Guid divisionId, IReadOnlyList<WageUpdate> rows, Actor actor, object source, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ImportWagesAsync(divisionId, rows, actor, source, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <param name="source">Where the changes come from, kept in each audit event (the upload, or the payroll report).</param>
    private async Task ImportWagesAsync(Guid divisionId, IReadOnlyList<WageUpdate> rows, Actor actor, object source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in rows.Chunk(UploadChecker.ChunkSize))
        {
            var ids = chunk.Select(r => r.Worker.Id).Distinct().ToList();
            var existing = (await db.WageChanges.AsNoTracking().Where(w => ids.Contains(w.EmploymentId)).ToListAsync(cancellationToken)).ToLookup(w => w.EmploymentId);
            var added = new List<WageChange>();
            var audits = new List<AuditEvent>(chunk.Length);
            foreach (var row in chunk)
            {
                var history = existing[row.Worker.Id].ToList();
                var before = history.Where(w => w.EffectiveFrom <= row.From).OrderByDescending(w => w.EffectiveFrom).Select(w => (long?)w.Upah).FirstOrDefault();
                if (history.SingleOrDefault(w => w.EffectiveFrom == row.From) is { } same)
                {
                    db.WageChanges.Attach(same).Property(w => w.Upah).CurrentValue = row.Upah;
                }
                else
                {
                    added.Add(new WageChange { EmploymentId = row.Worker.Id, EffectiveFrom = row.From, Upah = row.Upah, CreatedAt = now, CreatedByUserId = actor.UserId });
                }

                audits.Add(actor.Event(now, divisionId, "tenagaKerja.ubahUpah", row.Worker.Id, new { periode = row.From.ToString(), upah = before },
                    new { periode = row.From.ToString(), upah = row.Upah, sumber = source }));
            }

            // A whole division's raise is new rows: written in bulk (through the context it took 22 s for 100,000); the
            // changed ones are saved with the chunk.
            await WorkerBulkInsert.InsertWagesAsync(db, added, cancellationToken);
            await WorkerListCopies.RefreshLatestWagesAsync(db, added.Select(w => w.EmploymentId).Distinct().ToList(), cancellationToken);
            await WorkerBulkInsert.InsertAuditsAsync(db, audits, cancellationToken);
            await SaveWithLateChargesAsync(divisionId, ids, actor, now, cancellationToken);
        }
    }

    /// <summary>Saves a chunk, then bills what it changed in final or paid months (iuran.md §7), in the same transaction.</summary>
    private async Task SaveWithLateChargesAsync(Guid divisionId, List<Guid> ids, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var charges = await lateCharges.NewChargesAsync(divisionId, ids, cancellationToken);
        await WorkerBulkInsert.InsertLateChargesAsync(db, charges, cancellationToken);
        await WorkerBulkInsert.InsertAuditsAsync(
            db, LateChargeTexts.PerWorker(charges).Select(c => actor.Event(now, divisionId, LateChargeTexts.AuditAction(c.Kind), c.EmploymentId, null, c.After)).ToList(), cancellationToken);
    }
}

/// <summary>Who imports, for the audit events written row by row.</summary>
public sealed record Actor(Guid UserId, string? Name, string? IpAddress)
{
    public AuditEvent Event(DateTime now, Guid divisionId, string action, Guid employmentId, object? before, object? after) => new()
    {
        OccurredAt = now, ActorUserId = UserId, ActorName = Name, DivisionId = divisionId, IpAddress = IpAddress, Action = action,
        EntityType = WorkerAudit.Entity, EntityId = employmentId.ToString(),
        Before = before is null ? null : JsonSerializer.Serialize(before), After = after is null ? null : JsonSerializer.Serialize(after),
    };
}
