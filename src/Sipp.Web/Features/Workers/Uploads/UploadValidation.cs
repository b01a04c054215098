using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Files;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>
/// Runs the validator of the batch's kind in two steps: <see cref="Prepare"/> needs no database and runs on the thread
/// that reads the file; <see cref="CompleteAsync"/> checks against the database, chunk by chunk in file order.
/// </summary>
public sealed class UploadValidation
{
    private readonly NewWorkersValidator? _newWorkers;
    private readonly DeactivationsValidator? _deactivations;
    private readonly WageUpdatesValidator? _wages;

    private UploadValidation(NewWorkersValidator? newWorkers, DeactivationsValidator? deactivations, WageUpdatesValidator? wages)
    {
        _newWorkers = newWorkers;
        _deactivations = deactivations;
        _wages = wages;
    }

    public static async Task<UploadValidation> CreateAsync(SippDbContext db, UploadBatch batch, DateOnly today, CancellationToken cancellationToken) => batch.Kind switch
    {
        UploadKind.Baru => new UploadValidation(new NewWorkersValidator(db), null, null),
        UploadKind.NonAktif => new UploadValidation(null, new DeactivationsValidator(await DivisionWorkers.LoadAsync(db, batch.DivisionId, cancellationToken), today), null),
        _ => new UploadValidation(null, null, new WageUpdatesValidator(await DivisionWorkers.LoadAsync(db, batch.DivisionId, cancellationToken))),
    };

    /// <summary>The checks of one chunk that need no database (the KPJ-based uploads hold their division's workers in memory).</summary>
    public IReadOnlyList<RowResult<object>> Prepare(IReadOnlyList<SheetRow> rows)
    {
        if (_newWorkers is not null)
        {
            return NewWorkersValidator.Parse(rows).Select(Widen).ToList();
        }

        return _deactivations is not null ? _deactivations.Validate(rows).Select(Widen).ToList() : _wages!.Validate(rows).Select(Widen).ToList();
    }

    /// <summary>Every row's outcome; valid rows carry their parsed value (a NewWorker, Deactivation or WageUpdate).</summary>
    public async Task<IReadOnlyList<RowResult<object>>> CompleteAsync(IReadOnlyList<RowResult<object>> prepared, CancellationToken cancellationToken)
    {
        if (_newWorkers is null)
        {
            return prepared;
        }

        var parsed = prepared.Select(r => new RowResult<NewWorker>(r.RowNumber, (NewWorker?)r.Value, r.Errors)).ToList();
        return (await _newWorkers.CheckRegistryAsync(parsed, cancellationToken)).Select(Widen).ToList();
    }

    public static string Describe(IReadOnlyDictionary<string, string[]> errors)
    {
        var text = string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
        return text.Length <= 4_000 ? text : text[..3_997] + "...";
    }

    private static RowResult<object> Widen<T>(RowResult<T> result)
        where T : class => new(result.RowNumber, result.Value, result.Errors);
}
