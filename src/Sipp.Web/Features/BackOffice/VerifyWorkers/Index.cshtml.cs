using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.People;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.BackOffice.VerifyWorkers;

/// <summary>"Verifikasi Tenaga Kerja": new participants of every company, oldest first, each approved or rejected through <see cref="WorkerVerification"/>.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(SippDbContext db, WorkerVerification verification) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<PendingWorker> Queue { get; private set; } = [];

    public int Total { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The decision the officer is asked to confirm, with its consequence.</summary>
    public Decision? Confirming { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await Pending().CountAsync(cancellationToken);
        Queue = await Pending().OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Take(PageSize).Select(AsPendingWorker).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, string? konfirmasi, CancellationToken cancellationToken) =>
        konfirmasi == "ya" ? Done(await verification.ApproveAsync(id, cancellationToken)) : await AskAsync(id, approve: true, null, cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? alasan, string? konfirmasi, CancellationToken cancellationToken)
    {
        if (konfirmasi == "ya")
        {
            return Done(await verification.RejectAsync(id, alasan, cancellationToken));
        }

        return WorkerVerification.CheckReason(alasan) is { } refusal
            ? Done(refusal)
            : await AskAsync(id, approve: false, alasan!.Trim(), cancellationToken);
    }

    /// <summary>Approving issues a KPJ and rejecting ends the application: neither can be taken back, so both ask first.</summary>
    private async Task<IActionResult> AskAsync(Guid id, bool approve, string? reason, CancellationToken cancellationToken)
    {
        if (await Pending().Where(e => e.Id == id).Select(AsPendingWorker).FirstOrDefaultAsync(cancellationToken) is not { } worker)
        {
            return Done(WorkerVerification.Gone);
        }

        await OnGetAsync(cancellationToken);
        Confirming = new Decision(worker, approve, reason);
        return Page();
    }

    private IActionResult Done(Result<WorkerSaved> result)
    {
        Message = result.Refusal?.Message ?? result.Value!.Notice;
        return RedirectToPage();
    }

    // An officer's queue holds every company's new workers.
    private IQueryable<Sipp.Data.Workers.Employment> Pending() =>
        db.Employments.AsNoTracking().AcrossDivisions().Where(e => e.Status == EmploymentStatus.MenungguVerifikasi);

    private static readonly System.Linq.Expressions.Expression<Func<Sipp.Data.Workers.Employment, PendingWorker>> AsPendingWorker = e => new PendingWorker(
        e.Id, e.CreatedAt, e.Division.Company.Npp, e.Division.Code, e.Division.Company.Name, e.Participant.FullName, e.Participant.Nik,
        e.Participant.PassportNumber, e.Participant.CountryCode, e.BirthPlace, e.Participant.BirthDate, e.Participant.Sex,
        e.MotherMaidenName, e.MembershipStartDate);
}

/// <summary>Approve or reject <see cref="Worker"/>, with the reason the company will read.</summary>
public sealed record Decision(PendingWorker Worker, bool Approve, string? Reason);

public sealed record PendingWorker(
    Guid Id, DateTime SubmittedAt, string Npp, string DivisionCode, string CompanyName, string Name, string? Nik, string? Passport, string? Country,
    string? BirthPlace, DateOnly BirthDate, Sex Sex, string? MotherMaidenName, DateOnly MembershipStart);
