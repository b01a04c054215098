using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Bureaus.Office;
using Sipp.Web.Features.Contributions.MonitorDivisions;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Bureaus.Portfolio;

/// <summary>
/// "Portofolio Klien": every client division granted to the user's bureau with this month's status, workers, amount due,
/// due date, late bills, waiting verifications and uploads; filters, orders, one click into a client, and
/// "Hitung Iuran" for the chosen divisions (each in its own transaction; with the script, one at a time with progress).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(
    SippDbContext db, DivisionAccess access, BureauOffice office, DivisionsComputation computation, TimeProvider clock) : PageModel
{
    public StaffPlace Place { get; private set; } = null!;

    public IReadOnlyList<DivisionMonth> Rows { get; private set; } = [];

    public int AllRows { get; private set; }

    public IReadOnlyList<DivisionComputed> Computed { get; private set; } = [];

    public Period Period { get; private set; }

    public DateOnly Today => clock.JakartaToday();

    [BindProperty(SupportsGet = true)]
    public string? Saring { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Urut { get; set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(string? periode, CancellationToken cancellationToken) =>
        await ChooseAsync(periode, cancellationToken) is { } refused ? refused : await ShowAsync(cancellationToken);

    /// <summary>"Hitung Iuran" for the chosen client divisions, each on its own; the table again with what each did.</summary>
    public async Task<IActionResult> OnPostComputeAsync(string? periode, List<Guid> divisi, CancellationToken cancellationToken)
    {
        if (await ChooseAsync(periode, cancellationToken) is { } refused)
        {
            return refused;
        }

        Computed = divisi.Count == 0
            ? [new DivisionComputed("–", "–", false, Sipp.Domain.Wording.Of("Pilih divisi yang akan dihitung."))]
            : await computation.ComputeAsync(await access.Grants(UserId).ToListAsync(cancellationToken), Period, divisi, cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>One division of the script's run: what it did, as JSON, so the page shows progress division by division.</summary>
    public async Task<IActionResult> OnPostComputeOneAsync(string? periode, Guid divisi, CancellationToken cancellationToken)
    {
        if (await ChooseAsync(periode, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = (await computation.ComputeAsync(await access.Grants(UserId).ToListAsync(cancellationToken), Period, [divisi], cancellationToken)).Single();
        return new JsonResult(new { kode = result.Code, nama = result.Name, selesai = result.Done, pesan = result.Message });
    }

    private async Task<IActionResult?> ChooseAsync(string? periode, CancellationToken cancellationToken)
    {
        if (await office.PlaceOfAsync(UserId, cancellationToken) is not { } place)
        {
            return LocalRedirect("/biro");
        }

        Place = place;
        if (periode is null)
        {
            Period = Period.Containing(Today);
            return null;
        }

        if (!Period.TryParse(periode, out var chosen, out _))
        {
            return NotFound();
        }

        Period = chosen;
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var all = await PortfolioView.LoadAsync(db, access, UserId, Period, Today, cancellationToken);
        AllRows = all.Count;
        Saring = PortfolioView.Filters.Any(f => f.Key == Saring) ? Saring : null;
        Rows = PortfolioView.Apply(all, Saring, Urut).ToList();
        return Page();
    }
}
