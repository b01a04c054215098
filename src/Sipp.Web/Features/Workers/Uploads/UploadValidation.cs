using Microsoft.EntityFrameworkCore;
using Sipp.Domain;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Domain.Contributions;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Web.Infrastructure.Files;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>
/// Runs the validator of the batch's kind in two steps: <see cref="Prepare"/> needs no database and runs on the thread
/// that reads the file; <see cref="CompleteAsync"/> checks against the database, chunk by chunk in file order.
/// </summary>
public sealed class UploadValidation
{
    private readonly NewWorkersValidator? _newWorkers;
    private readonly ContinuingWorkersValidator? _continuing;
    private readonly DeactivationsValidator? _deactivations;
    private readonly WageUpdatesValidator? _wages;
    private readonly LateChargePlanner _lateCharges;
    private readonly Guid _divisionId;
    private readonly UploadLayout _layout;
    private readonly SippDbContext _db;

    private UploadValidation(
        NewWorkersValidator? newWorkers, DeactivationsValidator? deactivations, WageUpdatesValidator? wages, LateChargePlanner lateCharges, UploadBatch batch,
        SippDbContext db, ContinuingWorkersValidator? continuing = null)
    {
        _db = db;
        _newWorkers = newWorkers;
        _continuing = continuing;
        _deactivations = deactivations;
        _wages = wages;
        _lateCharges = lateCharges;
        _divisionId = batch.DivisionId;
        _layout = batch.Layout;
    }

    /// <param name="workers">The division's workers when the caller has them already (Lapor Upah); loaded otherwise.</param>
    public static async Task<UploadValidation> CreateAsync(
        SippDbContext db, LateChargePlanner lateCharges, UploadBatch batch, DateOnly today, CancellationToken cancellationToken, DivisionWorkers? workers = null) => batch.Kind switch
    {
        UploadKind.Baru => new UploadValidation(new NewWorkersValidator(db), null, null, lateCharges, batch, db),
        UploadKind.Lanjutan => new UploadValidation(null, null, null, lateCharges, batch, db, new ContinuingWorkersValidator(db)),
        UploadKind.NonAktif => new UploadValidation(null, new DeactivationsValidator(workers ?? await DivisionWorkers.LoadAsync(db, cancellationToken), today), null, lateCharges, batch, db),
        _ => new UploadValidation(null, null, new WageUpdatesValidator(workers ?? await DivisionWorkers.LoadAsync(db, cancellationToken)), lateCharges, batch, db),
    };

    private static string RoundedMessage(string column) =>
        Wording.Of($"{Wording.OfName(column)} tersimpan sebagai angka di Excel, yang hanya menyimpan 15 digit: digit terakhirnya sudah hilang. Format kolom {Wording.OfName(column)} sebagai Teks, lalu ketik ulang nilainya.");

    /// <summary>The checks of one chunk that need no database (the KPJ-based uploads hold their division's workers in memory).</summary>
    public IReadOnlyList<RowResult<object>> Prepare(IReadOnlyList<SheetRow> rows)
    {
        var results = _newWorkers is not null ? NewWorkersValidator.Parse(rows).Select(Widen).ToList()
            : _continuing is not null ? ContinuingWorkersValidator.Parse(rows).Select(Widen).ToList()
            : _deactivations is not null ? _deactivations.Validate(rows).Select(Widen).ToList()
            : _wages!.Validate(rows).Select(Widen).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            // What was known before the checks says what is wrong with a column more exactly than they can (a SIPP code, a
            // lost digit); a lost digit says it last, as nothing else about the cell can be trusted.
            var problems = new Dictionary<string, string[]>(rows[i].Problems ?? new Dictionary<string, string[]>(), StringComparer.Ordinal);
            foreach (var column in rows[i].Rounded ?? [])
            {
                problems[column] = [RoundedMessage(column)];
            }

            if (problems.Count == 0 && _layout == UploadLayout.Sipp)
            {
                continue;
            }

            // Under the file's own column names; a translated template's fields go back to its columns.
            var errors = new Dictionary<string, string[]>(problems, StringComparer.Ordinal);
            foreach (var (field, messages) in results[i].Errors)
            {
                var column = _layout == UploadLayout.SippOnline ? SippOnlineTemplate.ColumnOf(field) : field;
                if (!problems.ContainsKey(column))
                {
                    errors[column] = errors.TryGetValue(column, out var earlier) ? [.. earlier, .. messages] : messages;
                }
            }

            results[i] = new RowResult<object>(results[i].RowNumber, problems.Count == 0 ? results[i].Value : null, errors);
        }

        return results;
    }

    /// <summary>Every row's outcome; valid rows carry their parsed value (a NewWorker, ContinuingWorker, Deactivation or WageUpdate).</summary>
    public async Task<IReadOnlyList<RowResult<object>>> CompleteAsync(IReadOnlyList<RowResult<object>> prepared, CancellationToken cancellationToken)
    {
        if (_wages is not null)
        {
            return await RefuseDecreasesAsync(prepared, cancellationToken);
        }

        if (_continuing is not null)
        {
            var claims = prepared.Select(r => new RowResult<ClaimedWorker>(r.RowNumber, (ClaimedWorker?)r.Value, r.Errors)).ToList();
            return (await _continuing.CheckRegistryAsync(claims, cancellationToken)).Select(Widen).ToList();
        }

        if (_newWorkers is null)
        {
            return prepared;
        }

        var parsed = prepared.Select(r => new RowResult<NewWorker>(r.RowNumber, (NewWorker?)r.Value, r.Errors)).ToList();
        var results = (await _newWorkers.CheckRegistryAsync(parsed, cancellationToken)).Select(Widen);
        return _layout == UploadLayout.SippOnline
            ? results.Select(r => r with { Errors = r.Errors.ToDictionary(e => SippOnlineTemplate.ColumnOf(e.Key), e => e.Value, StringComparer.Ordinal) }).ToList()
            : results.ToList();
    }

    /// <summary>
    /// A wage already in effect from that period is marked unchanged (the round trip of a pre-filled file); as the form, a
    /// wage lowered in a final or paid month is refused. Each row is judged on its own.
    /// </summary>
    private async Task<IReadOnlyList<RowResult<object>>> RefuseDecreasesAsync(IReadOnlyList<RowResult<object>> prepared, CancellationToken cancellationToken)
    {
        var results = prepared.ToList();
        var workers = results.Select(r => r.Value as WageUpdate).OfType<WageUpdate>().Select(u => u.Worker.Id).Distinct().ToList();
        var histories = (workers.Count == 0 ? [] : await _db.WageChanges.AsNoTracking().Where(w => EF.Parameter(workers).Contains(w.EmploymentId))
            .Select(w => new WageChangeFact(w.EmploymentId, w.EffectiveFrom, w.Upah)).ToListAsync(cancellationToken)).ToLookup(w => w.EmploymentId);
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Value is WageUpdate update
                && histories[update.Worker.Id].Where(w => w.EffectiveFrom <= update.From).MaxBy(w => w.EffectiveFrom)?.Upah == update.Upah)
            {
                results[i] = results[i] with { Value = update with { Unchanged = true } };
            }
        }

        var valid = results.Select((r, i) => (Index: i, Update: r.Value as WageUpdate)).Where(r => r.Update is { Unchanged: false }).ToList();
        // A worker may be in the file twice (two start periods): each round proposes one change per worker.
        foreach (var round in valid.GroupBy(r => r.Update!.Worker.Id).SelectMany(g => g.Select((r, n) => (Round: n, r.Index, r.Update))).GroupBy(r => r.Round))
        {
            var proposed = round.ToDictionary(r => r.Update!.Worker.Id, r => new ProposedWage(r.Update!.From, r.Update.Upah));
            var decreasing = (await _lateCharges.PlanAsync(_divisionId, proposed.Keys, proposed, cancellationToken))
                .Where(p => p.Outcome is LateChargeOutcome.Decrease).Select(p => p.EmploymentId).ToHashSet();
            foreach (var row in round.Where(r => decreasing.Contains(r.Update!.Worker.Id)))
            {
                results[row.Index] = new RowResult<object>(results[row.Index].RowNumber, null, new Dictionary<string, string[]> { [F.WageFrom] = [LateCharges.WageDecreaseRefused] });
            }
        }

        return results;
    }

    /// <summary>"Kolom «isi»: alasan" for each problem, the cell as the file has it (an identity number masked).</summary>
    public static string Describe(IReadOnlyDictionary<string, string[]> errors, SheetRow? row = null)
    {
        var text = string.Join("; ", errors.SelectMany(e => e.Value.Select(m => row?.Cell(e.Key) is { Length: > 0 } value
            ? $"{e.Key} «{Shown(e.Key, value)}»: {m}"
            : $"{e.Key}: {m}")));
        return text.Length <= 4_000 ? text : text[..3_997] + "...";
    }

    /// <summary>Whom a refused row is about, for the person reading the list: its KPJ, else its NIK or passport, masked.</summary>
    public static string? Worker(SheetRow row) =>
        row.Cell(UploadDefinition.KpjColumn) is { Length: > 0 } kpj ? "KPJ " + kpj
        : (row.Cell(F.Nik) ?? row.Cell(F.Passport) ?? row.Cell(SippOnlineTemplate.IdentityNumber)) is { Length: > 0 } id ? Mask(id)
        : null;

    private static readonly HashSet<string> IdentityColumns = new(StringComparer.OrdinalIgnoreCase) { F.Nik, F.Passport, SippOnlineTemplate.IdentityNumber };

    private static string Shown(string column, string value)
    {
        var shown = IdentityColumns.Contains(column) ? Mask(value) : value;
        return shown.Length <= 60 ? shown : shown[..57] + "...";
    }

    private static string Mask(string value) => value.Length <= 4 ? new string('*', value.Length) : new string('*', value.Length - 4) + value[^4..];

    private sealed record WageChangeFact(Guid EmploymentId, Sipp.Domain.Periods.Period EffectiveFrom, long Upah);

    private static RowResult<object> Widen<T>(RowResult<T> result)
        where T : class => new(result.RowNumber, result.Value, result.Errors);
}
