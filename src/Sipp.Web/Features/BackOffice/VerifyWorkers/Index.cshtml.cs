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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An officer's queue holds every company's new workers.
        var pending = db.Employments.AsNoTracking().AcrossDivisions().Where(e => e.Status == EmploymentStatus.MenungguVerifikasi);
        Total = await pending.CountAsync(cancellationToken);
        Queue = await pending.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Take(PageSize)
            .Select(e => new PendingWorker(
                e.Id, e.CreatedAt, e.Division.Company.Npp, e.Division.Code, e.Division.Company.Name, e.Participant.FullName, e.Participant.Nik,
                e.Participant.PassportNumber, e.Participant.CountryCode, e.BirthPlace, e.Participant.BirthDate, e.Participant.Sex,
                e.MotherMaidenName, e.MembershipStartDate))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        Done(await verification.ApproveAsync(id, cancellationToken));

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? alasan, CancellationToken cancellationToken) =>
        Done(await verification.RejectAsync(id, alasan, cancellationToken));

    private IActionResult Done(Result<WorkerSaved> result)
    {
        Message = result.Refusal?.Message ?? result.Value!.Notice;
        return RedirectToPage();
    }
}

public sealed record PendingWorker(
    Guid Id, DateTime SubmittedAt, string Npp, string DivisionCode, string CompanyName, string Name, string? Nik, string? Passport, string? Country,
    string? BirthPlace, DateOnly BirthDate, Sex Sex, string? MotherMaidenName, DateOnly MembershipStart);
