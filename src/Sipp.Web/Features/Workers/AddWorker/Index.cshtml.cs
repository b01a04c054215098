using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Periods;
using Sipp.Domain.Contributions;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Security;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Workers.AddWorker;

/// <summary>
/// "Tambah Tenaga Kerja". "Sudah memiliki KPJ? Ya": KPJ confirmed by the person's NIK and birth date, joining at once as
/// Aktif; no match gives one neutral message and reveals nothing. "Tidak": the full form, waiting as Menunggu
/// Verifikasi; a NIK already in the registry is sent to the "Ya" path instead of creating a second person.
/// </summary>
[Authorize(Policy = Policies.CompanyOperator)]
public sealed class IndexModel(SippDbContext db, CurrentCompany currentCompany, LateChargePlanner lateCharges, AuditLog audit, TimeProvider clock) : PageModel
{
    public const string NoMatch = "Data peserta tidak ditemukan atau tidak cocok. Periksa kembali Nomor Peserta (KPJ), NIK dan Tanggal Lahir.";

    [BindProperty(SupportsGet = true)]
    public string? Jalur { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Isian { get; set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostYaAsync(CancellationToken cancellationToken)
    {
        Jalur = "ya";
        var company = await currentCompany.RequireAsync(cancellationToken);
        var values = new FieldValues(Isian);
        var kpj = values.Parse<Kpj>(F.Kpj, true, Kpj.TryParse);
        var identity = values.Required(F.Nik);
        var birthDate = values.Date(F.BirthDate, true);
        var employment = NewWorkerParser.ParseEmployment(values, birthDate);
        if (values.HasErrors || employment is null)
        {
            WorkerForms.AddErrors(ModelState, values.ToDictionary());
            return Page();
        }

        var typed = Normalize(identity!);
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Kpj == kpj!.Value.Value, cancellationToken);
        if (participant is null || participant.BirthDate != birthDate || Normalize(participant.Nik ?? participant.PassportNumber ?? string.Empty) != typed)
        {
            ModelState.AddModelError(string.Empty, NoMatch);
            return Page();
        }

        if (await db.Employments.AnyAsync(
                e => e.ParticipantId == participant.Id && (e.Status == EmploymentStatus.Aktif || e.Status == EmploymentStatus.MenungguVerifikasi), cancellationToken))
        {
            ModelState.AddModelError(string.Empty, "Peserta ini sudah terdaftar sebagai tenaga kerja di divisi ini.");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // The person's first registration with any employer.
        var firstRegistered = await db.Employments.AcrossDivisions().Where(e => e.ParticipantId == participant.Id).OrderBy(e => e.RegisteredOn)
            .Select(e => (DateOnly?)e.RegisteredOn).FirstOrDefaultAsync(cancellationToken) ?? DateOnly.FromDateTime(participant.CreatedAt);
        var added = WorkerRecords.NewEmployment(participant.Id, company.DivisionId, employment, EmploymentStatus.Aktif, firstRegistered, now);
        added.VerifiedAt = now;
        db.Employments.Add(added);
        audit.Record("tenagaKerja.tambah", WorkerAudit.Entity, added.Id.ToString(), company.DivisionId,
            after: new { kpj = participant.Kpj, jalur = "sudah memiliki KPJ", status = "Aktif", upah = employment.Upah, mulai = employment.MembershipStart });
        var charges = await lateCharges.SaveWithChargesAsync(company.DivisionId, added.Id, audit, cancellationToken);
        TempData["Message"] = $"{participant.FullName} (KPJ {participant.Kpj}) sudah terdaftar aktif di divisi ini." + LateChargeTexts.Summary(charges);
        return Redirect($"/tenaga-kerja/{added.Id}");
    }

    /// <summary>Tells that months already final will be billed as Iuran Susulan once the worker is verified.</summary>
    private async Task<string> ArrearsNoticeAsync(Guid divisionId, DateOnly start, CancellationToken cancellationToken)
    {
        var from = Period.Containing(start);
        var final = await db.ContributionPeriods.Where(p => p.Period >= from && (p.Status == PeriodStatus.Final || p.Status == PeriodStatus.Lunas))
            .OrderBy(p => p.Period).Select(p => p.Period).ToListAsync(cancellationToken);
        return final.Count == 0 ? string.Empty
            : $" Periode {string.Join(", ", final)} sudah final: iurannya ditagihkan sebagai Iuran Susulan (dengan denda) pada tagihan berikutnya setelah data disetujui.";
    }

    public async Task<IActionResult> OnPostTidakAsync(CancellationToken cancellationToken)
    {
        Jalur = "tidak";
        var company = await currentCompany.RequireAsync(cancellationToken);
        var (worker, errors) = NewWorkerParser.Parse(Isian);
        if (worker is null)
        {
            WorkerForms.AddErrors(ModelState, errors);
            return Page();
        }

        var nik = worker.Nik?.Value;
        var passport = worker.Passport?.Value;
        var country = worker.Country?.Value;
        var known = nik is not null
            ? await db.Participants.AnyAsync(p => p.Nik == nik, cancellationToken)
            : await db.Participants.AnyAsync(p => p.PassportNumber == passport && p.CountryCode == country, cancellationToken);
        if (known)
        {
            WorkerForms.AddErrors(ModelState, new Dictionary<string, string[]>
            {
                [nik is not null ? F.Nik : F.Passport] = ["Orang ini sudah terdaftar sebagai peserta BPJS Ketenagakerjaan. Pilih \"Sudah memiliki KPJ? Ya\" dan daftarkan dengan KPJ-nya."],
            });
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var participant = WorkerRecords.ToParticipant(worker, now);
        var added = WorkerRecords.NewEmployment(participant.Id, company.DivisionId, worker, clock.JakartaToday(), now);
        db.Participants.Add(participant);
        db.Employments.Add(added);
        audit.Record("tenagaKerja.tambah", WorkerAudit.Entity, added.Id.ToString(), company.DivisionId,
            after: new { nama = participant.FullName, jalur = "peserta baru", status = "Menunggu Verifikasi", upah = worker.Employment.Upah, mulai = worker.Employment.MembershipStart });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"{participant.FullName} menunggu verifikasi petugas BPJS. KPJ terbit setelah disetujui." + await ArrearsNoticeAsync(company.DivisionId, worker.Employment.MembershipStart, cancellationToken);
        return Redirect($"/tenaga-kerja/{added.Id}");
    }

    private static string Normalize(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray()).ToUpperInvariant();
}
