using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sipp.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Features.Payments;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Infrastructure;

using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Contributions.ViewPeriod;

/// <summary>
/// A period: its totals, warnings and lines (50 per page), "Koreksi" per worker, "Finalisasi" with the payment
/// channel, the bill once issued, and "Batal Finalisasi" while it is unpaid.
/// </summary>
[Authorize(Policy = Policies.CompanyMember)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, ApproveFinalization.FinalizationApproval approval, Infrastructure.Data.RuleTableProvider ruleTables, IOptions<PaymentOptions> payments, IHostEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    public Period Period { get; private set; }

    public PeriodSummary? Summary { get; private set; }

    /// <summary>The review filter shown ("Saring"): one of <see cref="PeriodLineFilters.All"/>, or null for every line.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saring { get; set; }

    /// <summary>The filters that apply to this period (below minimum wage only where the region has one), with their kept counts.</summary>
    public IEnumerable<(string Key, string Label, int? Count)> Filters =>
        PeriodLineFilters.All.Where(f => f.Key != PeriodLineFilters.BelowMinimumWage || Summary?.MinimumWage is not null)
            .Select(f => (f.Key, f.Label, Summary is null ? null : PeriodLineFilters.StoredCount(Summary.Period, f.Key, Summary.MinimumWage)));

    /// <summary>The month before, when it was computed: for the comparison of workers and totals.</summary>
    public ContributionPeriod? Previous { get; private set; }

    /// <summary>Who corrected each shown corrected line, and when.</summary>
    public IReadOnlyDictionary<Guid, string> Corrections { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Why the bill's due date may still move (its year's holidays are not all listed), or null.</summary>
    public string? DueDateCaveat { get; private set; }

    public IReadOnlyList<LineRow> Lines { get; private set; } = [];

    /// <summary>The Iuran Susulan, Rapel and Kelebihan this period's bill carries, or that wait for it while not final.</summary>
    public LateChanges.LateChargeView? LateCharges { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public bool CanOperate { get; private set; }

    /// <summary>The steps the period's state allows (the domain's guards); a viewer without operating rights sees none.</summary>
    /// <summary>While a request waits for approval, Finalisasi and Batal Finalisasi are not offered again.</summary>
    public PeriodActions Actions
    {
        get
        {
            var actions = CanOperate ? PeriodLifecycle.Actions(Summary?.Period.Status ?? PeriodStatus.BelumDihitung) : default;
            return Waiting ? actions with { Finalize = false, CancelFinalization = false } : actions;
        }
    }

    public bool Waiting => Approval?.Status == Data.Contributions.FinalizationRequestStatus.Menunggu;

    public IReadOnlyList<PaymentChannel> Channels => payments.Value.Channels;

    /// <summary>In Development a bill can be paid at once through the "Simulator Bank".</summary>
    public bool ShowSimulator => environment.IsDevelopment();

    [BindProperty]
    public string? Channel { get; set; }

    /// <summary>Name, NIK or KPJ (or their start), as in the worker list.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    public int MatchingLines { get; private set; }

    public string Status => Summary is null ? "Belum Dihitung" : PeriodTexts.Status(Summary.Period, Today);

    /// <summary>The payment of a paid bill: when, the bank's reference and the receipt's verification code.</summary>
    public Payment? Payment { get; private set; }

    public PaymentChannel? BillChannel => Summary?.LiveBill is { } bill ? payments.Value.Find(bill.Channel) : null;

    private DateOnly Today => clock.JakartaToday();

    public async Task<IActionResult> OnGetAsync(string periode, int halaman, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(periode, out var period, out _))
        {
            return NotFound();
        }

        await LoadAsync(period, halaman, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostFinalizeAsync(string periode, CancellationToken cancellationToken) =>
        ActAsync(periode, (division, period, maker) => approval.FinalizeAsync(division, period, Channel, maker, cancellationToken), month => L["Periode {0} telah difinalisasi. Tagihan terbit.", month], cancellationToken);

    /// <summary>"Tarik Permintaan": the maker takes back their waiting request.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string periode, Guid id, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(periode, out var period, out _))
        {
            return NotFound();
        }

        var result = await approval.WithdrawAsync(await currentCompany.RequireAsync(cancellationToken), id, cancellationToken);
        TempData["Message"] = result.Refusal?.Message ?? result.Value;
        return Redirect($"/iuran/{period}");
    }

    /// <summary>Whether the signed-in person made the waiting request (and may take it back).</summary>
    public bool IsOwnRequest { get; private set; }

    /// <summary>"Batal Finalisasi" voids a bill finance may be paying: the first click only shows what it means
    /// (<see cref="ConfirmingCancel"/>); the confirmation posts again with <c>konfirmasi=ya</c> (issue 16).</summary>
    public async Task<IActionResult> OnPostCancelAsync(string periode, string? konfirmasi, CancellationToken cancellationToken)
    {
        if (konfirmasi == "ya")
        {
            return await ActAsync(periode, (division, period, maker) => approval.CancelAsync(division, period, maker, cancellationToken), month => L["Finalisasi periode {0} dibatalkan; tagihannya tidak berlaku lagi.", month], cancellationToken);
        }

        if (!Period.TryParse(periode, out var shown, out _))
        {
            return NotFound();
        }

        await LoadAsync(shown, 1, cancellationToken);
        ConfirmingCancel = Actions.CancelFinalization && Summary?.LiveBill is not null;
        return Page();
    }

    /// <summary>The page shows the consequences of "Batal Finalisasi" and asks to confirm.</summary>
    public bool ConfirmingCancel { get; private set; }

    /// <summary>The request waiting for approval, or the last one decided, of this period (in a division that requires approval).</summary>
    public Data.Contributions.FinalizationRequest? Approval { get; private set; }

    public bool NeedsApproval { get; private set; }

    private async Task<IActionResult> ActAsync(
        string periode, Func<Guid, Period, ApproveFinalization.Maker, Task<Result<ApproveFinalization.FinalizationOutcome>>> act, Func<string, string> done, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(periode, out var period, out _))
        {
            return NotFound();
        }

        var company = await currentCompany.RequireAsync(cancellationToken);
        if (!company.CanOperate)
        {
            return Forbid();
        }

        var maker = new ApproveFinalization.Maker(company.UserId, Infrastructure.Audit.AuditLog.ActingName(User.DisplayName() ?? string.Empty, company));
        var result = await act(company.DivisionId, period, maker);
        if (result.Refusal is { } refusal)
        {
            refusal.AddTo(ModelState);
            await LoadAsync(period, 1, cancellationToken);
            return Page();
        }

        // In the language of the person who acted, shown on their next page.
        TempData["Message"] = result.Value!.AwaitsApproval ? L["Permintaan dikirim kepada penyetuju. Tagihan terbit (atau dibatalkan) setelah disetujui."] : done(Show.Month(period));
        return Redirect($"/iuran/{period}");
    }

    private async Task LoadAsync(Period period, int page, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        CanOperate = company.CanOperate;
        Period = period;
        var rules = await ruleTables.GetAsync(cancellationToken);
        Summary = await PeriodSummary.LoadAsync(db, rules, company.DivisionId, period, cancellationToken);
        NeedsApproval = await approval.NeedsApprovalAsync(company.DivisionId, cancellationToken);
        Approval = await db.FinalizationRequests.AsNoTracking().Where(r => r.Period == period).OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        IsOwnRequest = Waiting && Approval!.RequestedByUserId == company.UserId;
        DueDateCaveat = Summary?.LiveBill is { } bill ? LateFine.DueDateCaveat(bill.DueDate, rules) : null;
        if (Summary is null)
        {
            return;
        }

        LateCharges = await LateChanges.LateChargeQuery.LoadAsync(db, Summary.LiveBill, cancellationToken);
        if (Summary.LiveBill is { Status: BillStatus.Lunas } paid)
        {
            Payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.BillId == paid.Id, cancellationToken);
        }

        var lines = db.ContributionLines.AsNoTracking().Where(l => l.PeriodId == Summary.Period.Id);
        Previous = await db.ContributionPeriods.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Period == period.AddMonths(-1) && p.Status != PeriodStatus.BelumDihitung, cancellationToken);
        var filtered = PeriodLineFilters.Apply(db, lines, period, Saring, Summary.MinimumWage);
        Saring = filtered is null ? null : Saring;
        lines = filtered ?? lines;
        if (!string.IsNullOrWhiteSpace(Cari))
        {
            var matching = Workers.ListWorkers.WorkerListQuery.Search(db.Employments, Cari).Select(e => e.Id);
            lines = lines.Where(l => matching.Contains(l.EmploymentId));
        }

        var known = !string.IsNullOrWhiteSpace(Cari) ? null
            : Saring is null ? Summary.Period.WorkerCount
            : PeriodLineFilters.StoredCount(Summary.Period, Saring, Summary.MinimumWage);
        MatchingLines = known ?? await lines.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (MatchingLines + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page, 1, PageCount);
        Lines = await lines
            .OrderBy(l => l.Employment.SortName).ThenBy(l => l.EmploymentId)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(l => new LineRow(l.EmploymentId, l.Employment.Participant.FullName, l.Employment.Participant.Kpj, l.Upah, l.WageCorrected,
                l.JhtEmployer + l.JhtWorker, l.JkkEmployer, l.JkmEmployer, l.JpEmployer + l.JpWorker, l.JpStatus, l.Total))
            .ToListAsync(cancellationToken);
        Corrections = await CorrectionsAsync(period, Lines.Where(l => l.Corrected).Select(l => l.EmploymentId.ToString()).ToList(), cancellationToken);
    }

    /// <summary>Who corrected each shown corrected line, and when: the latest "iuran.koreksi" of that worker for this period.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> CorrectionsAsync(Period period, List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var marker = $"\"periode\":\"{period}\"";
        var events = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Action == "iuran.koreksi" && a.EntityId != null && ids.Contains(a.EntityId) && a.After != null && a.After.Contains(marker))
            .Select(a => new { a.EntityId, a.ActorName, a.OccurredAt, a.Id }).ToListAsync(cancellationToken);
        return events.GroupBy(e => Guid.Parse(e.EntityId!)).ToDictionary(
            g => g.Key, g => g.MaxBy(e => e.Id) is { } last ? $"{last.ActorName}, {JakartaTime.Display(last.OccurredAt)}" : string.Empty);
    }

    public sealed record LineRow(Guid EmploymentId, string Name, string? Kpj, long Upah, bool Corrected, long Jht, long Jkk, long Jkm, long Jp, JpStatus JpStatus, long Total);
}
