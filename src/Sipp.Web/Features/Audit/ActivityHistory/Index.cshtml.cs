using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Audit.ActivityHistory;

/// <summary>"Riwayat Aktivitas": what happened in the division, in words, by whom and when, for its Admins.</summary>
[Authorize(Policy = Policies.CompanyAdmin)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, AuditSentence sentence) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? Orang { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Aktivitas { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Periode { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Halaman { get; set; } = 1;

    public IReadOnlyList<ActivityRow> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> People { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public AuditSentence Sentence => sentence;

    public ActivityFilter Filter => new(Orang, Aktivitas, Periode);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await currentCompany.RequireAsync(cancellationToken);
        var rows = ActivityQuery.Rows(db, Filter);
        Total = await rows.CountAsync(cancellationToken);
        Halaman = Math.Clamp(Halaman, 1, Pages);
        Rows = await rows.Skip((Halaman - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        People = await ActivityQuery.PeopleAsync(db, cancellationToken);
    }

    /// <summary>This page's address with the same filters, on another page or as CSV.</summary>
    public string Link(string path, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["Orang"] = Orang?.ToString(), ["Aktivitas"] = Aktivitas, ["Periode"] = Periode, ["Halaman"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return path + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
    }
}
