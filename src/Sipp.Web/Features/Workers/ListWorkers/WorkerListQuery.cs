using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;

namespace Sipp.Web.Features.Workers.ListWorkers;

public sealed record WorkerListRequest(string? Search, EmploymentStatus? Status, string Sort, bool Descending, int Page);

public sealed record WorkerListPage(IReadOnlyList<WorkerRow> Rows, int Total, int Page);

public sealed record WorkerRow(Guid Id, string? Kpj, string? Nik, string? Passport, string Name, DateOnly BirthDate, long? Upah, EmploymentStatus Status, DateOnly MembershipStart, string? EmployeeNumber);

/// <summary>The query behind "Daftar Tenaga Kerja": search, filter, sort and one page of 50, within one division.</summary>
public static class WorkerListQuery
{
    public const int PageSize = 50;

    public static async Task<WorkerListPage> RunAsync(SippDbContext db, Period current, WorkerListRequest request, CancellationToken cancellationToken)
    {
        var query = Search(db.Employments.AsNoTracking(), request.Search);
        if (request.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(request.Page, 1, pages);

        // First the page's ids, ordered on the employment's own indexed columns; then the 50 rows in full.
        var ids = await Sort(query, request.Sort, request.Descending).Skip((page - 1) * PageSize).Take(PageSize).Select(e => e.Id).ToListAsync(cancellationToken);
        var rows = await db.Employments.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new WorkerRow(
                e.Id, e.Participant.Kpj, e.Participant.Nik, e.Participant.PassportNumber, e.Participant.FullName, e.Participant.BirthDate,
                e.WageHistory.Where(w => w.EffectiveFrom <= current).OrderByDescending(w => w.EffectiveFrom).Select(w => (long?)w.Upah).FirstOrDefault(),
                e.Status, e.MembershipStartDate, e.EmployeeNumber))
            .ToListAsync(cancellationToken);
        var order = ids.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        return new WorkerListPage(rows.OrderBy(r => order[r.Id]).ToList(), total, page);
    }

    /// <summary>
    /// 11 digits: a KPJ; 16: a NIK; other digits: the start of either; anything else: part of the name. Whatever the
    /// shape, a worker whose Nomor Pegawai is exactly the term is found too.
    /// </summary>
    public static IQueryable<Employment> Search(IQueryable<Employment> query, string? text)
    {
        var term = string.Join(' ', (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (term.Length == 0)
        {
            return query;
        }

        var digits = Digits(term);
        if (digits.All(char.IsAsciiDigit) && digits.Length <= 16)
        {
            var number = term.ToUpperInvariant();
            if (digits.Length == 11)
            {
                return query.Where(e => e.SearchKpj == digits || e.EmployeeNumber == number);
            }

            if (digits.Length == 16)
            {
                return query.Where(e => e.SearchNik == digits || e.EmployeeNumber == number);
            }

            // A prefix as a range (digits sort in order), which the division-first indexes answer.
            var upper = digits[..^1] + (char)(digits[^1] + 1);
            return query.Where(e => (string.Compare(e.SearchKpj, digits) >= 0 && string.Compare(e.SearchKpj, upper) < 0)
                || (string.Compare(e.SearchNik, digits) >= 0 && string.Compare(e.SearchNik, upper) < 0)
                || e.EmployeeNumber == number);
        }

        var name = term.ToUpperInvariant();
        return query.Where(e => e.SortName.Contains(name) || e.EmployeeNumber == name);
    }

    /// <summary>Whether a search term is an exact KPJ (11 digits) or NIK (16), dots and spaces aside: it names a worker or two.</summary>
    public static bool IsExactNumber(string? text) => Digits(text ?? string.Empty) is { Length: 11 or 16 } digits && digits.All(char.IsAsciiDigit);

    private static string Digits(string term) => term.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static IQueryable<Employment> Sort(IQueryable<Employment> rows, string sort, bool descending) => (sort, descending) switch
    {
        ("kpj", false) => rows.OrderBy(e => e.SearchKpj).ThenBy(e => e.Id),
        ("kpj", true) => rows.OrderByDescending(e => e.SearchKpj).ThenBy(e => e.Id),
        ("lahir", false) => rows.OrderBy(e => e.Participant.BirthDate).ThenBy(e => e.Id),
        ("lahir", true) => rows.OrderByDescending(e => e.Participant.BirthDate).ThenBy(e => e.Id),
        ("upah", false) => rows.OrderBy(e => e.LatestUpah).ThenBy(e => e.Id),
        ("upah", true) => rows.OrderByDescending(e => e.LatestUpah).ThenBy(e => e.Id),
        ("kepesertaan", false) => rows.OrderBy(e => e.MembershipStartDate).ThenBy(e => e.Id),
        ("kepesertaan", true) => rows.OrderByDescending(e => e.MembershipStartDate).ThenBy(e => e.Id),
        ("status", false) => rows.OrderBy(e => e.Status).ThenBy(e => e.SortName),
        ("status", true) => rows.OrderByDescending(e => e.Status).ThenBy(e => e.SortName),
        (_, true) => rows.OrderByDescending(e => e.SortName).ThenByDescending(e => e.Id),
        _ => rows.OrderBy(e => e.SortName).ThenBy(e => e.Id),
    };
}
