using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain.People;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.BackOffice.VerifyWorkers;

/// <summary>
/// "Verifikasi Tenaga Kerja": new participants of every company, oldest first. Approving issues a KPJ and makes the
/// worker Aktif from the start date; rejecting needs a reason the company sees.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(SippDbContext db, LateChargePlanner lateCharges, AuditLog audit, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    private const int KpjAttempts = 5;

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

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        var employment = await FindPendingAsync(id, cancellationToken);
        if (employment is null)
        {
            Message = "Data ini sudah diproses atau tidak ada.";
            return RedirectToPage();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            var participant = employment.Participant;
            if (participant.Kpj is null)
            {
                var prefix = KpjIssuer.Prefix(now.Year);
                var highest = await db.Participants.Where(p => p.Kpj != null && p.Kpj.StartsWith(prefix))
                    .OrderByDescending(p => p.Kpj).Select(p => p.Kpj).FirstOrDefaultAsync(cancellationToken);
                participant.Kpj = KpjIssuer.Next(now.Year, highest).Value;
            }

            employment.Status = EmploymentStatus.Aktif;
            employment.VerifiedAt = now;
            audit.Record("tenagaKerja.disetujui", Workers.WorkerAudit.Entity, employment.Id.ToString(), employment.DivisionId,
                new { status = "Menunggu Verifikasi" }, new { status = "Aktif", kpj = participant.Kpj });
            try
            {
                var charges = await lateCharges.SaveWithChargesAsync(employment.DivisionId, employment.Id, audit, cancellationToken);
                Message = $"{participant.FullName} disetujui dengan KPJ {participant.Kpj}." + Contributions.LateChanges.LateChargeTexts.Summary(charges);
                return RedirectToPage();
            }
            catch (DbUpdateException) when (attempt < KpjAttempts)
            {
                // Another approval took this number at the same moment: take the next one.
                db.ChangeTracker.Clear();
                employment = await db.Employments.Include(e => e.Participant).SingleAsync(e => e.Id == id, cancellationToken);
                employment.Participant.Kpj = null;
            }
        }
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? alasan, CancellationToken cancellationToken)
    {
        var reason = alasan?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            Message = "Alasan penolakan wajib diisi (paling panjang 500 karakter); perusahaan akan membacanya.";
            return RedirectToPage();
        }

        var employment = await FindPendingAsync(id, cancellationToken);
        if (employment is null)
        {
            Message = "Data ini sudah diproses atau tidak ada.";
            return RedirectToPage();
        }

        employment.Status = EmploymentStatus.Ditolak;
        employment.RejectionReason = reason;
        employment.VerifiedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("tenagaKerja.ditolak", Workers.WorkerAudit.Entity, employment.Id.ToString(), employment.DivisionId,
            new { status = "Menunggu Verifikasi" }, new { status = "Ditolak", alasan = reason });
        await db.SaveChangesAsync(cancellationToken);
        Message = $"{employment.Participant.FullName} ditolak.";
        return RedirectToPage();
    }

    /// <summary>A worker waiting in the queue, of any company; from then on the request works in that worker's division.</summary>
    private async Task<Data.Workers.Employment?> FindPendingAsync(Guid id, CancellationToken cancellationToken)
    {
        var employment = await db.Employments.AcrossDivisions().Include(e => e.Participant)
            .SingleOrDefaultAsync(e => e.Id == id && e.Status == EmploymentStatus.MenungguVerifikasi, cancellationToken);
        if (employment is not null)
        {
            db.ScopeTo(employment.DivisionId);
        }

        return employment;
    }
}

public sealed record PendingWorker(
    Guid Id, DateTime SubmittedAt, string Npp, string DivisionCode, string CompanyName, string Name, string? Nik, string? Passport, string? Country,
    string? BirthPlace, DateOnly BirthDate, Sex Sex, string? MotherMaidenName, DateOnly MembershipStart);
