using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Files;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>The outcome of one row: the parsed value, or its errors by column.</summary>
public sealed record RowResult<T>(int RowNumber, T? Value, IReadOnlyDictionary<string, string[]> Errors)
    where T : class
{
    public bool IsValid => Value is not null;
}

/// <summary>
/// "Upload Tenaga Kerja Baru": every rule of the form (<see cref="Parse"/>, no database), then the registry and
/// duplicates within the file (<see cref="CheckRegistryAsync"/>).
/// </summary>
public sealed class NewWorkersValidator(SippDbContext db)
{
    private readonly HashSet<string> _seenNiks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenPassports = new(StringComparer.Ordinal);
    private readonly EmployeeNumbers.InFile _numbers = new(db);

    public static List<RowResult<NewWorker>> Parse(IReadOnlyList<SheetRow> rows) => rows.Select(row =>
    {
        var (worker, errors) = NewWorkerParser.Parse(row.Values);
        return new RowResult<NewWorker>(row.Number, worker, errors);
    }).ToList();

    /// <summary>Refuses parsed rows whose person is already registered or appears earlier in the file; chunks in file order.</summary>
    public async Task<List<RowResult<NewWorker>>> CheckRegistryAsync(IReadOnlyList<RowResult<NewWorker>> parsed, CancellationToken cancellationToken)
    {
        var niks = parsed.Select(p => p.Value?.Nik?.Value).OfType<string>().ToList();
        // One parameter holding the whole list: ten times faster than a thousand separate parameters.
        var known = niks.Count == 0
            ? []
            : (await db.Participants.Where(p => p.Nik != null && EF.Parameter(niks).Contains(p.Nik)).Select(p => p.Nik!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        await _numbers.LoadAsync(parsed.Select(p => p.Value?.Employment.Number), cancellationToken);
        var results = new List<RowResult<NewWorker>>(parsed.Count);
        foreach (var row in parsed)
        {
            if (row.Value is not { } worker)
            {
                results.Add(row);
                continue;
            }

            if (_numbers.Problem(worker.Employment.Number) is { } taken)
            {
                results.Add(new RowResult<NewWorker>(row.RowNumber, null, new Dictionary<string, string[]> { [F.EmployeeNumber] = [taken] }));
                continue;
            }

            string? problem = null;
            if (worker.Nik is { } nik)
            {
                problem = known.Contains(nik.Value)
                    ? Wording.Of("Orang ini sudah terdaftar sebagai peserta; daftarkan dengan KPJ-nya melalui Tambah Tenaga Kerja (Sudah memiliki KPJ? Ya).")
                    : !_seenNiks.Add(nik.Value) ? Wording.Of("NIK ini muncul lebih dari sekali di file ini.") : null;
            }
            else if (!_seenPassports.Add(worker.Passport!.Value.Value + "/" + worker.Country!.Value.Value))
            {
                problem = Wording.Of("Nomor Paspor ini muncul lebih dari sekali di file ini.");
            }

            results.Add(problem is null
                ? row
                : new RowResult<NewWorker>(row.RowNumber, null, new Dictionary<string, string[]> { [worker.Nik is null ? F.Passport : F.Nik] = [problem] }));
        }

        return results;
    }
}

public sealed record Deactivation(WorkerFacts Worker, DateOnly EndDate, EndReason Reason, string? Text);

/// <param name="Unchanged">The wage is already this from that period (a file downloaded pre-filled and edited): nothing to import.</param>
public sealed record WageUpdate(WorkerFacts Worker, Period From, long Upah, bool Unchanged = false);

/// <summary>Loads the division's workers once, by KPJ and by Nomor Pegawai, for the uploads that name existing workers.</summary>
public sealed class DivisionWorkers
{
    private DivisionWorkers(Dictionary<string, WorkerFacts> byKpj, Dictionary<string, WorkerFacts> byNumber)
    {
        ByKpj = byKpj;
        ByNumber = byNumber;
    }

    public IReadOnlyDictionary<string, WorkerFacts> ByKpj { get; }

    /// <summary>The current workers (waiting or active) by Nomor Pegawai: the number is theirs alone.</summary>
    public IReadOnlyDictionary<string, WorkerFacts> ByNumber { get; }

    public static async Task<DivisionWorkers> LoadAsync(SippDbContext db, CancellationToken cancellationToken)
    {
        var workers = await db.Employments.AsNoTracking().Where(e => e.Participant.Kpj != null || e.EmployeeNumber != null)
            .OrderBy(e => e.Status == EmploymentStatus.Aktif ? 0 : 1)
            .Select(e => new
            {
                Facts = new WorkerFacts(e.Id, e.Participant.Kpj, e.Participant.Nik, e.Participant.PassportNumber, e.Status, e.WorkStartDate, e.MembershipStartDate, e.EndDate),
                e.EmployeeNumber,
            })
            .ToListAsync(cancellationToken);
        var byKpj = new Dictionary<string, WorkerFacts>(StringComparer.Ordinal);
        var byNumber = new Dictionary<string, WorkerFacts>(StringComparer.Ordinal);
        foreach (var worker in workers)
        {
            if (worker.Facts.Kpj is { } kpj)
            {
                byKpj.TryAdd(kpj, worker.Facts); // an active employment wins over an ended one of the same person
            }

            if (worker.EmployeeNumber is { } number && worker.Facts.Status is EmploymentStatus.Aktif or EmploymentStatus.MenungguVerifikasi)
            {
                byNumber.TryAdd(number, worker.Facts);
            }
        }

        return new DivisionWorkers(byKpj, byNumber);
    }

    /// <summary>The worker a row names by its KPJ or, without one, by its Nomor Pegawai; both given must name the same worker.</summary>
    public WorkerFacts? Find(FieldValues v)
    {
        var numberText = v.Text(F.EmployeeNumber);
        WorkerFacts? byNumber = null;
        if (numberText is not null && v.Parse<EmployeeNumber>(F.EmployeeNumber, false, EmployeeNumber.TryParse) is { } number
            && !ByNumber.TryGetValue(number.Value, out byNumber))
        {
            v.Fail(F.EmployeeNumber, Wording.Of("Nomor Pegawai ini bukan tenaga kerja divisi ini."));
        }

        if (v.Text(UploadDefinition.KpjColumn) is null && numberText is not null)
        {
            return byNumber;
        }

        var kpj = v.Parse<Kpj>(UploadDefinition.KpjColumn, true, Kpj.TryParse);
        if (kpj is null)
        {
            return null;
        }

        if (!ByKpj.TryGetValue(kpj.Value.Value, out var worker))
        {
            v.Fail(UploadDefinition.KpjColumn, Wording.Of("KPJ ini bukan tenaga kerja divisi ini."));
            return null;
        }

        if (byNumber is not null && byNumber.Id != worker.Id)
        {
            v.Fail(F.EmployeeNumber, Wording.Of("KPJ dan Nomor Pegawai ini milik tenaga kerja yang berbeda."));
        }

        return worker;
    }
}

/// <summary>"Upload Tenaga Kerja Non Aktif": KPJ and NIK of a worker of this division, date and reason, the same rules as the page.</summary>
public sealed class DeactivationsValidator(DivisionWorkers workers, DateOnly today)
{
    private readonly HashSet<Guid> _seen = [];

    public List<RowResult<Deactivation>> Validate(IReadOnlyList<SheetRow> rows) => rows.Select(row =>
    {
        var v = new FieldValues(row.Values);
        var worker = workers.Find(v);
        var nik = v.Required(F.Nik);
        if (worker is not null && nik is not null && !IdentityNumbers.Same(nik, worker.Nik ?? worker.Passport))
        {
            v.Fail(F.Nik, Wording.Of("NIK tidak cocok dengan KPJ tersebut."));
        }

        if (worker is not null && !_seen.Add(worker.Id))
        {
            v.Fail(UploadDefinition.KpjColumn, Wording.Of("Tenaga kerja ini muncul lebih dari sekali di file ini."));
        }

        var checkedValue = worker is null ? null : DeactivationCheck.Check(v, worker, today, UploadDefinition.OtherReasonColumn);
        return checkedValue is { } c && !v.HasErrors
            ? new RowResult<Deactivation>(row.Number, new Deactivation(worker!, c.EndDate, c.Reason, c.Text), v.ToDictionary())
            : new RowResult<Deactivation>(row.Number, null, v.ToDictionary());
    }).ToList();
}

/// <summary>"Upload Perubahan Upah": KPJ of a worker of this division, the wage, and the period it starts.</summary>
public sealed class WageUpdatesValidator(DivisionWorkers workers)
{
    private readonly HashSet<(Guid, Period)> _seen = [];

    public List<RowResult<WageUpdate>> Validate(IReadOnlyList<SheetRow> rows) => rows.Select(row =>
    {
        var v = new FieldValues(row.Values);
        var worker = workers.Find(v);
        var upah = v.Rupiah(F.Wage);
        var from = v.Parse<Period>(F.WageFrom, true, (string? i, out Period o, out string e) => ParsePeriod(i, out o, out e));
        if (worker is not null && from is { } period)
        {
            foreach (var error in WageChangeRules.Check(worker, period))
            {
                v.Fail(F.WageFrom, error);
            }

            if (!_seen.Add((worker.Id, period)))
            {
                v.Fail(UploadDefinition.KpjColumn, Wording.Of("Tenaga kerja dan Periode Mulai ini muncul lebih dari sekali di file ini."));
            }
        }

        return v.HasErrors || worker is null
            ? new RowResult<WageUpdate>(row.Number, null, v.ToDictionary())
            : new RowResult<WageUpdate>(row.Number, new WageUpdate(worker, from!.Value, upah!.Value), v.ToDictionary());
    }).ToList();

    /// <summary>YYYY-MM, or a date (Excel turns "2026-04" into 1 April 2026), or MM/YYYY.</summary>
    private static bool ParsePeriod(string? text, out Period period, out string error)
    {
        if (Period.TryParse(text, out period, out error))
        {
            return true;
        }

        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) && date.Day == 1)
        {
            period = Period.Containing(date);
            return true;
        }

        if (value.Length == 7 && value[2] == '/' && Period.TryParse(value[3..] + "-" + value[..2], out period, out _))
        {
            return true;
        }

        error = Wording.Of("Periode Mulai harus berformat YYYY-MM, misalnya 2026-04.");
        return false;
    }
}

/// <summary>A row of "Upload Tenaga Kerja Lanjutan" as typed: whom it claims (KPJ, NIK, birth date) and the employment.</summary>
public sealed record ClaimedWorker(string Kpj, string Identity, DateOnly BirthDate, NewEmployment Employment);

/// <summary>A claimed worker found in the registry: the participant joining this division, and their first registration (JKP).</summary>
public sealed record ContinuingWorker(Guid ParticipantId, string Kpj, string FullName, string NameNormalized, string? Nik, string? Passport, DateOnly FirstRegistered, NewEmployment Employment);

/// <summary>
/// "Upload Tenaga Kerja Lanjutan": each row checked as "Tambah Tenaga Kerja — Ya" — the KPJ's person must have this NIK
/// and birth date, or the row gets the one neutral message that reveals nothing; then not already a current worker
/// here, not twice in the file, and a free Nomor Pegawai.
/// </summary>
public sealed class ContinuingWorkersValidator(SippDbContext db)
{
    private readonly HashSet<string> _seenKpjs = new(StringComparer.Ordinal);
    private readonly EmployeeNumbers.InFile _numbers = new(db);

    public static List<RowResult<ClaimedWorker>> Parse(IReadOnlyList<SheetRow> rows) => rows.Select(row =>
    {
        var values = new Dictionary<string, string?>(row.Values, StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(values.GetValueOrDefault(F.MembershipStart)))
        {
            values[F.MembershipStart] = values.GetValueOrDefault(F.WorkStart); // as SIPP Online: membership starts with the work
        }

        var v = new FieldValues(values);
        var kpj = v.Parse<Kpj>(UploadDefinition.KpjColumn, true, Kpj.TryParse);
        var identity = v.Required(F.Nik);
        var birthDate = v.Date(F.BirthDate, true);
        var employment = NewWorkerParser.ParseEmployment(v, birthDate);
        return v.HasErrors
            ? new RowResult<ClaimedWorker>(row.Number, null, v.ToDictionary())
            : new RowResult<ClaimedWorker>(row.Number, new ClaimedWorker(kpj!.Value.Value, identity!, birthDate!.Value, employment!), v.ToDictionary());
    }).ToList();

    public async Task<List<RowResult<ContinuingWorker>>> CheckRegistryAsync(IReadOnlyList<RowResult<ClaimedWorker>> parsed, CancellationToken cancellationToken)
    {
        var kpjs = parsed.Select(p => p.Value?.Kpj).OfType<string>().Distinct().ToList();
        // The registry is everyone's: read across divisions, only by the KPJs the file names.
        var people = kpjs.Count == 0
            ? []
            : await db.Participants.Where(p => p.Kpj != null && EF.Parameter(kpjs).Contains(p.Kpj))
                .Select(p => new { p.Id, Kpj = p.Kpj!, p.FullName, p.NameNormalized, p.Nik, p.PassportNumber, p.BirthDate, p.CreatedAt })
                .ToDictionaryAsync(p => p.Kpj, StringComparer.Ordinal, cancellationToken);
        var ids = people.Values.Select(p => p.Id).ToList();
        var registrations = ids.Count == 0
            ? []
            : await db.Employments.AcrossDivisions().Where(e => EF.Parameter(ids).Contains(e.ParticipantId))
                .Select(e => new { e.ParticipantId, e.DivisionId, e.Status, e.RegisteredOn }).ToListAsync(cancellationToken);
        var divisionId = db.ScopedDivisionId;
        var here = registrations.Where(e => e.DivisionId == divisionId && e.Status is EmploymentStatus.Aktif or EmploymentStatus.MenungguVerifikasi)
            .Select(e => e.ParticipantId).ToHashSet();
        var firstRegistered = registrations.GroupBy(e => e.ParticipantId).ToDictionary(g => g.Key, g => g.Min(e => e.RegisteredOn));
        await _numbers.LoadAsync(parsed.Select(p => p.Value?.Employment.Number), cancellationToken);

        return parsed.Select(row =>
        {
            if (row.Value is not { } claim)
            {
                return new RowResult<ContinuingWorker>(row.RowNumber, null, row.Errors);
            }

            string field = UploadDefinition.KpjColumn;
            string? problem = null;
            if (!people.TryGetValue(claim.Kpj, out var person) || person.BirthDate != claim.BirthDate || !IdentityNumbers.Same(claim.Identity, person.Nik ?? person.PassportNumber))
            {
                problem = AddWorker.WorkerEnrolment.NoMatch;
            }
            else if (here.Contains(person.Id))
            {
                problem = Wording.Of("Peserta ini sudah terdaftar sebagai tenaga kerja di divisi ini.");
            }
            else if (!_seenKpjs.Add(claim.Kpj))
            {
                problem = Wording.Of("Tenaga kerja ini muncul lebih dari sekali di file ini.");
            }
            else if (_numbers.Problem(claim.Employment.Number) is { } taken)
            {
                (field, problem) = (F.EmployeeNumber, taken);
            }

            return problem is not null
                ? new RowResult<ContinuingWorker>(row.RowNumber, null, new Dictionary<string, string[]> { [field] = [problem] })
                : new RowResult<ContinuingWorker>(row.RowNumber, new ContinuingWorker(
                    person!.Id, person.Kpj, person.FullName, person.NameNormalized, person.Nik, person.PassportNumber,
                    firstRegistered.TryGetValue(person.Id, out var first) ? first : DateOnly.FromDateTime(person.CreatedAt), claim.Employment), row.Errors);
        }).ToList();
    }
}
