using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Workers.ListWorkers;

/// <summary>"Daftar Tenaga Kerja": search by name, NIK or KPJ, filter by status, sort, 50 per page.</summary>
[Authorize(Policy = Policies.CompanyMember)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    [BindProperty(SupportsGet = true)]
    public EmploymentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Urut { get; set; } = "nama";

    [BindProperty(SupportsGet = true)]
    public bool Turun { get; set; }

    [BindProperty(SupportsGet = true, Name = "hal")]
    public int Halaman { get; set; } = 1;

    public IReadOnlyList<WorkerRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public CompanyContext Company { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Company = await currentCompany.RequireAsync(cancellationToken);
        var current = Period.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var query = Search(db.Employments.AsNoTracking().InDivision(Company.DivisionId), Cari);
        if (Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        Total = await query.CountAsync(cancellationToken);
        Halaman = Math.Clamp(Halaman, 1, Pages);
        Rows = await Sort(query, current).Skip((Halaman - 1) * PageSize).Take(PageSize)
            .Select(e => new WorkerRow(
                e.Id, e.Participant.Kpj, e.Participant.Nik, e.Participant.PassportNumber, e.Participant.FullName, e.Participant.BirthDate,
                e.WageHistory.Where(w => w.EffectiveFrom <= current).OrderByDescending(w => w.EffectiveFrom).Select(w => (long?)w.Upah).FirstOrDefault(),
                e.Status, e.MembershipStartDate))
            .ToListAsync(cancellationToken);
    }

    /// <summary>11 digits: a KPJ; 16: a NIK; other digits: the start of either; anything else: part of the name.</summary>
    public static IQueryable<Employment> Search(IQueryable<Employment> query, string? text)
    {
        var term = string.Join(' ', (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (term.Length == 0)
        {
            return query;
        }

        var digits = term.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.All(char.IsAsciiDigit))
        {
            return digits.Length switch
            {
                11 => query.Where(e => e.Participant.Kpj == digits),
                16 => query.Where(e => e.Participant.Nik == digits),
                _ => query.Where(e => e.Participant.Kpj!.StartsWith(digits) || e.Participant.Nik!.StartsWith(digits)),
            };
        }

        var upper = term.ToUpperInvariant();
        return query.Where(e => e.Participant.NameNormalized.Contains(upper));
    }

    private IQueryable<Employment> Sort(IQueryable<Employment> rows, Period current) => (Urut, Turun) switch
    {
        ("kpj", false) => rows.OrderBy(e => e.Participant.Kpj).ThenBy(e => e.Id),
        ("kpj", true) => rows.OrderByDescending(e => e.Participant.Kpj).ThenBy(e => e.Id),
        ("lahir", false) => rows.OrderBy(e => e.Participant.BirthDate).ThenBy(e => e.Id),
        ("lahir", true) => rows.OrderByDescending(e => e.Participant.BirthDate).ThenBy(e => e.Id),
        ("upah", false) => rows.OrderBy(e => e.WageHistory.Where(w => w.EffectiveFrom <= current).OrderByDescending(w => w.EffectiveFrom).Select(w => w.Upah).FirstOrDefault()).ThenBy(e => e.Id),
        ("upah", true) => rows.OrderByDescending(e => e.WageHistory.Where(w => w.EffectiveFrom <= current).OrderByDescending(w => w.EffectiveFrom).Select(w => w.Upah).FirstOrDefault()).ThenBy(e => e.Id),
        ("kepesertaan", false) => rows.OrderBy(e => e.MembershipStartDate).ThenBy(e => e.Id),
        ("kepesertaan", true) => rows.OrderByDescending(e => e.MembershipStartDate).ThenBy(e => e.Id),
        ("status", false) => rows.OrderBy(e => e.Status).ThenBy(e => e.Participant.NameNormalized),
        ("status", true) => rows.OrderByDescending(e => e.Status).ThenBy(e => e.Participant.NameNormalized),
        (_, true) => rows.OrderByDescending(e => e.Participant.NameNormalized).ThenBy(e => e.Id),
        _ => rows.OrderBy(e => e.Participant.NameNormalized).ThenBy(e => e.Id),
    };

    /// <summary>The list's address with one value changed, keeping the others.</summary>
    public string Link(string? urut = null, bool? turun = null, int? halaman = null, bool keepPage = false)
    {
        var query = new Dictionary<string, string?>
        {
            ["Cari"] = Cari, ["Status"] = Status?.ToString(), ["Urut"] = urut ?? Urut,
            ["Turun"] = (turun ?? Turun) ? "true" : null, ["hal"] = (halaman ?? (keepPage ? Halaman : 1)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/tenaga-kerja", query.Where(q => !string.IsNullOrEmpty(q.Value))!);
    }
}

public sealed record WorkerRow(Guid Id, string? Kpj, string? Nik, string? Passport, string Name, DateOnly BirthDate, long? Upah, EmploymentStatus Status, DateOnly MembershipStart);
