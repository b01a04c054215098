using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Workers.ListWorkers;

/// <summary>"Daftar Tenaga Kerja": search by name, NIK or KPJ, filter by status, sort, 50 per page.</summary>
[Authorize(Policy = Policies.CompanyMember)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, TimeProvider clock) : PageModel
{
    public const int PageSize = WorkerListQuery.PageSize;

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
        var current = Period.Containing(clock.JakartaToday());
        var page = await WorkerListQuery.RunAsync(db, current, new WorkerListRequest(Cari, Status, Urut, Turun, Halaman), cancellationToken);
        (Rows, Total, Halaman) = (page.Rows, page.Total, page.Page);
    }

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
