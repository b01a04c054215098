using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers;
using Sipp.Web.Features.Workers.AddWorker;
using Sipp.Web.Features.Workers.ChangeWage;
using Sipp.Web.Features.Workers.DeactivateWorker;
using Sipp.Web.Features.Workers.ListWorkers;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Api;

/// <summary>
/// Workers of a granted division, through the same handlers as the pages: the list (the same search as "Daftar Tenaga Kerja", a status filter, cursor paging in
/// name order), one worker by KPJ or Nomor Pegawai, adding one, changing a wage, deactivating. Identity numbers are masked,
/// as on the pages.
/// </summary>
public static class WorkersApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1_000;

    public static void Map(RouteGroupBuilder workers)
    {
        workers.MapGet("/", ListAsync).RequireAuthorization(ApiScopes.Policy(ApiScopes.ReadWorkers)).WithName("DaftarTenagaKerja").WithSummary("Daftar tenaga kerja (cari, status, kursor)");
        workers.MapGet("/{nomor}", GetAsync).RequireAuthorization(ApiScopes.Policy(ApiScopes.ReadWorkers)).WithName("TenagaKerja").WithSummary("Satu tenaga kerja menurut KPJ atau Nomor Pegawai");
        var write = ApiScopes.Policy(ApiScopes.WriteWorkers);
        workers.MapPost("/", AddAsync).RequireAuthorization(write).WithName("TambahTenagaKerja").WithSummary("Tambah tenaga kerja: dengan kpj (sudah memiliki KPJ) atau sebagai peserta baru");
        workers.MapPut("/{nomor}/upah", ChangeWageAsync).RequireAuthorization(write).WithName("UbahUpah").WithSummary("Perubahan upah mulai suatu periode");
        workers.MapPost("/{nomor}/non-aktif", DeactivateAsync).RequireAuthorization(write).WithName("NonAktifkanTenagaKerja").WithSummary("Non aktifkan tenaga kerja");
    }

    /// <summary>
    /// "Tambah Tenaga Kerja": with <c>kpj</c>, a person who already has one (confirmed by NIK and birth date, one neutral
    /// message on a mismatch); without, a new participant waiting for verification.
    /// </summary>
    private static async Task<IResult> AddAsync(
        string divisi, HttpRequest request, ApiCaller caller, SippDbContext db, WorkerEnrolment enrolment, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await caller.DivisionAsync(divisi, cancellationToken) is null)
        {
            return NoDivision();
        }

        var form = await ApiFields.ReadAsync(request, ApiFields.Of([F.Kpj, .. F.NewWorkerColumns]), cancellationToken);
        if (form.Refusal is { } unreadable)
        {
            return unreadable.ToProblem();
        }

        var saved = form.Value!.Isian.ContainsKey(F.Kpj)
            ? await enrolment.EnrolWithKpjAsync(form.Value, cancellationToken)
            : await enrolment.EnrolNewAsync(form.Value, cancellationToken);
        return await AnswerAsync(saved, divisi, db, clock, StatusCodes.Status201Created, cancellationToken);
    }

    private static async Task<IResult> ChangeWageAsync(
        string divisi, string nomor, HttpRequest request, ApiCaller caller, SippDbContext db, WageRevision revision, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await caller.DivisionAsync(divisi, cancellationToken) is null)
        {
            return NoDivision();
        }

        var form = await ApiFields.ReadAsync(request, ApiFields.Of(F.Wage, F.WageFrom), cancellationToken);
        if (form.Refusal is { } unreadable)
        {
            return unreadable.ToProblem();
        }

        return await FindAsync(db, nomor, cancellationToken) is { } id
            ? await AnswerAsync(await revision.ChangeAsync(id, form.Value!, cancellationToken), divisi, db, clock, StatusCodes.Status200OK, cancellationToken)
            : NoWorker();
    }

    private static async Task<IResult> DeactivateAsync(
        string divisi, string nomor, HttpRequest request, ApiCaller caller, SippDbContext db, WorkerDeactivation deactivation, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await caller.DivisionAsync(divisi, cancellationToken) is null)
        {
            return NoDivision();
        }

        var form = await ApiFields.ReadAsync(request, ApiFields.Of(F.EndDate, F.EndReason), cancellationToken);
        if (form.Refusal is { } unreadable)
        {
            return unreadable.ToProblem();
        }

        return await FindAsync(db, nomor, cancellationToken) is { } id
            ? await AnswerAsync(await deactivation.DeactivateAsync(id, form.Value!, cancellationToken), divisi, db, clock, StatusCodes.Status200OK, cancellationToken)
            : NoWorker();
    }

    /// <summary>The worker as it is now with the handler's notice (<c>pesan</c>), or the handler's refusal under the API's field names.</summary>
    private static async Task<IResult> AnswerAsync(Result<WorkerSaved> saved, string divisi, SippDbContext db, TimeProvider clock, int status, CancellationToken cancellationToken)
    {
        if (saved.Refusal is { } refusal)
        {
            return ApiFields.Named(refusal).ToProblem();
        }

        var id = saved.Value!.WorkerId;
        var worker = await ApiWorker.Project(db.Employments.AsNoTracking().Where(e => e.Id == id), Period.Containing(clock.JakartaToday())).SingleAsync(cancellationToken);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["tenagaKerja"] = worker.ToJson(), ["pesan"] = saved.Value.Notice };
        return status == StatusCodes.Status201Created
            ? TypedResults.Created($"/api/v1/divisi/{divisi}/tenaga-kerja/{worker.Kpj ?? worker.EmployeeNumber ?? string.Empty}", body)
            : TypedResults.Ok(body);
    }

    /// <summary>The worker a path names: 11 digits a KPJ, anything else a current Nomor Pegawai; the latest employment first.</summary>
    private static Task<Guid?> FindAsync(SippDbContext db, string nomor, CancellationToken cancellationToken) =>
        Named(db, nomor).OrderByDescending(e => e.MembershipStartDate).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<Employment> Named(SippDbContext db, string nomor)
    {
        var number = nomor.Trim().ToUpperInvariant();
        return number.Length == 11 && number.All(char.IsAsciiDigit)
            ? db.Employments.Where(e => e.Participant.Kpj == number)
            : db.Employments.Where(e => e.EmployeeNumber == number && (e.Status == EmploymentStatus.Aktif || e.Status == EmploymentStatus.MenungguVerifikasi));
    }

    private static IResult NoWorker() =>
        Refusal.Field("nomor", Wording.Of("Tenaga kerja dengan KPJ atau Nomor Pegawai ini tidak ada di divisi ini."), RefusalKind.NotFound).ToProblem();

    /// <param name="setelah">The cursor the previous page answered as <c>berikutnya</c>.</param>
    private static async Task<IResult> ListAsync(
        string divisi, string? cari, string? status, string? setelah, int? jumlah, ApiCaller caller, SippDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await caller.DivisionAsync(divisi, cancellationToken) is null)
        {
            return NoDivision();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        EmploymentStatus? wanted = null;
        if (status is not null)
        {
            wanted = Enum.GetValues<EmploymentStatus>().Cast<EmploymentStatus?>().FirstOrDefault(s => ApiWorker.StatusName(s!.Value) == status);
            if (wanted is null)
            {
                errors["status"] = [Wording.Of($"Status harus salah satu dari: {string.Join(", ", Enum.GetValues<EmploymentStatus>().Select(ApiWorker.StatusName))}.")];
            }
        }

        var (size, after) = WorkerCursor.Paging(setelah, jumlah, errors);
        if (errors.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, errors).ToProblem();
        }

        var (rows, more) = await PageAsync(db, Period.Containing(clock.JakartaToday()), cari, wanted, after, size, cancellationToken);
        return TypedResults.Ok(new
        {
            data = rows.Select(r => r.ToJson()),
            berikutnya = more ? WorkerCursor.Write(rows[^1].SortName, rows[^1].Id) : null,
        });
    }

    /// <summary>One page of the list in name order after <paramref name="after"/>, and whether more follow (bench/: the API's list).</summary>
    public static async Task<(List<ApiWorker> Rows, bool More)> PageAsync(
        SippDbContext db, Period current, string? search, EmploymentStatus? status, (string SortName, Guid Id)? after, int size, CancellationToken cancellationToken)
    {
        var query = WorkerListQuery.Search(db.Employments.AsNoTracking(), search);
        if (status is { } only)
        {
            query = query.Where(e => e.Status == only);
        }

        if (after is { } cursor)
        {
            query = query.Where(e => string.Compare(e.SortName, cursor.SortName) > 0 || (e.SortName == cursor.SortName && e.Id.CompareTo(cursor.Id) > 0));
        }

        // An exact KPJ or NIK names a worker or two: fetched by its index and put in order here — ordered by the database,
        // SQLite walks the name index through the whole division looking for them (170 ms at 100,000; bench/README.md).
        var page = WorkerListQuery.IsExactNumber(search)
            ? (await ApiWorker.Project(query, current).ToListAsync(cancellationToken)).OrderBy(w => w.SortName, StringComparer.Ordinal).ThenBy(w => w.Id).Take(size + 1).ToList()
            : await ApiWorker.Project(query.OrderBy(e => e.SortName).ThenBy(e => e.Id), current).Take(size + 1).ToListAsync(cancellationToken);
        return (page.Take(size).ToList(), page.Count > size);
    }

    /// <summary>11 digits: a KPJ; anything else: a Nomor Pegawai (as written, capitals or not).</summary>
    private static async Task<IResult> GetAsync(string divisi, string nomor, ApiCaller caller, SippDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await caller.DivisionAsync(divisi, cancellationToken) is null)
        {
            return NoDivision();
        }

        var worker = await ApiWorker.Project(Named(db, nomor).AsNoTracking().OrderByDescending(e => e.MembershipStartDate), Period.Containing(clock.JakartaToday()))
            .FirstOrDefaultAsync(cancellationToken);
        return worker is null ? NoWorker() : TypedResults.Ok(worker.ToJson());
    }

    /// <summary>Another company's division, one not granted, and one that does not exist answer alike.</summary>
    public static IResult NoDivision() =>
        Refusal.Field("divisi", Wording.Of("Divisi tidak ditemukan atau tidak diberikan kepada klien API ini."), RefusalKind.NotFound).ToProblem();
}

/// <summary>A worker as the API shows it.</summary>
public sealed record ApiWorker(
    Guid Id, string SortName, string? Kpj, string? EmployeeNumber, string Name, string? Nik, string? Passport, DateOnly BirthDate, EmploymentStatus Status,
    DateOnly WorkStart, DateOnly MembershipStart, DateOnly? EndDate, long? Upah)
{
    public static IQueryable<ApiWorker> Project(IQueryable<Employment> employments, Period current) => employments.Select(e => new ApiWorker(
        e.Id, e.SortName, e.Participant.Kpj, e.EmployeeNumber, e.Participant.FullName, e.Participant.Nik, e.Participant.PassportNumber, e.Participant.BirthDate,
        e.Status, e.WorkStartDate, e.MembershipStartDate, e.EndDate,
        e.WageHistory.Where(w => w.EffectiveFrom <= current).OrderByDescending(w => w.EffectiveFrom).Select(w => (long?)w.Upah).FirstOrDefault()));

    /// <summary>The status as the API names it: lower case, words joined by a hyphen ("menunggu-verifikasi").</summary>
    public static string StatusName(EmploymentStatus status) => status switch
    {
        EmploymentStatus.MenungguVerifikasi => "menunggu-verifikasi",
        EmploymentStatus.NonAktif => "non-aktif",
        _ => status.ToString().ToLowerInvariant(),
    };

    public object ToJson() => new
    {
        kpj = Kpj, nomorPegawai = EmployeeNumber, nama = Name, identitas = WorkerTexts.MaskedId(Nik, Passport), tanggalLahir = BirthDate,
        status = StatusName(Status), tanggalMulaiKerja = WorkStart, tanggalKepesertaan = MembershipStart, tanggalBerhenti = EndDate, upah = Upah,
    };
}

/// <summary>An opaque cursor: the last row's place in name order (its sort name and id), base64url.</summary>
public static class WorkerCursor
{
    /// <summary>A list's page size (<c>jumlah</c>, 1 to <see cref="WorkersApi.MaxPageSize"/>) and cursor (<c>setelah</c>); a bad one is added to <paramref name="errors"/>.</summary>
    public static (int Size, (string SortName, Guid Id)? After) Paging(string? setelah, int? jumlah, Dictionary<string, string[]> errors)
    {
        var size = jumlah ?? WorkersApi.DefaultPageSize;
        if (size is < 1 or > WorkersApi.MaxPageSize)
        {
            errors["jumlah"] = [Wording.Of($"Jumlah per halaman harus 1 sampai {WorkersApi.MaxPageSize:#,0}.")];
        }

        var after = setelah is null ? null : Read(setelah);
        if (setelah is not null && after is null)
        {
            errors["setelah"] = [Wording.Of("Kursor tidak dikenal. Gunakan nilai berikutnya dari halaman sebelumnya.")];
        }

        return (size, after);
    }

    public static string Write(string sortName, Guid id) =>
        Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes($"{id:N}|{sortName}"));

    public static (string SortName, Guid Id)? Read(string cursor)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(cursor));
            return text.Length > 33 && text[32] == '|' && Guid.TryParseExact(text[..32], "N", out var id) ? (text[33..], id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
