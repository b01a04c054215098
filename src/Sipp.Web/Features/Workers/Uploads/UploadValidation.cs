using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Web.Infrastructure.Files;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>Runs the validator of the batch's kind and turns its errors into "Kolom: pesan" text per row.</summary>
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

    public async Task<List<(int RowNumber, string Messages)>> ErrorsAsync(IReadOnlyList<SheetRow> rows, CancellationToken cancellationToken) =>
        (await ValidateAsync(rows, cancellationToken)).Where(r => r.Value is null).Select(r => (r.RowNumber, Describe(r.Errors))).ToList();

    /// <summary>Every row's outcome; valid rows carry their parsed value (a NewWorker, Deactivation or WageUpdate).</summary>
    public async Task<List<RowResult<object>>> ValidateAsync(IReadOnlyList<SheetRow> rows, CancellationToken cancellationToken)
    {
        if (_newWorkers is not null)
        {
            return (await _newWorkers.ValidateAsync(rows, cancellationToken)).Select(r => new RowResult<object>(r.RowNumber, r.Value, r.Errors)).ToList();
        }

        return _deactivations is not null
            ? _deactivations.Validate(rows).Select(r => new RowResult<object>(r.RowNumber, r.Value, r.Errors)).ToList()
            : _wages!.Validate(rows).Select(r => new RowResult<object>(r.RowNumber, r.Value, r.Errors)).ToList();
    }

    public static string Describe(IReadOnlyDictionary<string, string[]> errors)
    {
        var text = string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
        return text.Length <= 4_000 ? text : text[..3_997] + "...";
    }
}
