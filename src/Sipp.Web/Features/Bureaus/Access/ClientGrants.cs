using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;
using Sipp.Domain;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Bureaus.Access;

/// <summary>The "Beri Akses" form as typed: the bureau's code, the divisions (ids), the role and the end date (dd/mm/yyyy).</summary>
public sealed record NewBureauGrant(string? BureauCode, IReadOnlyList<Guid> Divisions, string? Role, string? EndsOn);

/// <summary>
/// "Akses Biro", the client's side (ADR 0023): a company Admin grants a bureau, found by its code, chosen divisions
/// where they are Admin, with a role that is never Admin and an end date at most two years away; each grant waits
/// for the bureau to accept it. The Admin revokes a grant at any time; the bureau's next request no longer has it.
/// </summary>
public sealed class ClientGrants(SippDbContext db, DivisionAccess access, Outbox outbox, AuditLog audit, TimeProvider clock)
{
    public const int MaxYears = 2;

    public const string CodeField = "Kode Biro";
    public const string DivisionsField = "Divisi";
    public const string RoleField = "Peran";
    public const string EndsField = "Berlaku Sampai";

    /// <summary>Every grant of the divisions the Admin administers, newest first.</summary>
    public IQueryable<BureauGrant> Visible(CompanyContext admin)
    {
        var divisions = access.AdministeredBy(admin).Select(d => d.Id);
        return db.BureauGrants.AsNoTracking().AcrossDivisions().Where(g => divisions.Contains(g.DivisionId));
    }

    public async Task<Result<string>> GrantAsync(CompanyContext admin, NewBureauGrant input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = (input.BureauCode ?? string.Empty).Trim().ToUpperInvariant();
        var bureau = code.Length is > 0 and <= 16
            ? await db.Bureaus.AsNoTracking().Where(b => b.Code == code).Select(b => new { b.Id, b.Name, b.CompanyId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (bureau is null)
        {
            errors[CodeField] = [Wording.Of("Kode Biro tidak dikenal. Mintalah kode (BIRO-…) kepada biro Anda.")];
        }
        else if (bureau.CompanyId == admin.CompanyId)
        {
            errors[CodeField] = [Wording.Of("Ini biro perusahaan Anda sendiri: stafnya cukup diberi peran di Pengguna.")];
        }

        var wanted = input.Divisions.Distinct().ToList();
        var divisions = await access.AdministeredBy(admin).Where(d => wanted.Contains(d.Id)).Select(d => new { d.Id, d.Code }).ToListAsync(cancellationToken);
        if (wanted.Count == 0 || divisions.Count != wanted.Count)
        {
            errors[DivisionsField] = [Wording.Of("Pilih sedikitnya satu divisi tempat Anda menjadi Admin.")];
        }

        if (!Enum.TryParse<MembershipRole>(input.Role, out var role) || !CompanyRoles.BureauRoles.Contains(role))
        {
            errors[RoleField] = [Wording.Of("Pilih peran biro: Operator, Pemantau atau Penyetuju.")];
        }

        var today = clock.JakartaToday();
        if (!TypedDate.TryParse(input.EndsOn, out var endsOn) || endsOn <= today || endsOn > today.AddYears(MaxYears))
        {
            errors[EndsField] = [Wording.Of($"Berlaku sampai harus tanggal sesudah hari ini, paling lama {MaxYears} tahun lagi (dd/mm/yyyy).")];
        }

        if (errors.Count == 0)
        {
            var ids = divisions.Select(d => d.Id).ToList();
            var live = await db.BureauGrants.AcrossDivisions()
                .Where(g => g.BureauId == bureau!.Id && ids.Contains(g.DivisionId) && (g.Status == BureauGrantStatus.Menunggu || g.Status == BureauGrantStatus.Aktif))
                .Select(g => g.Division.Code).ToListAsync(cancellationToken);
            if (live.Count > 0)
            {
                errors[DivisionsField] = [Wording.Of($"Biro ini sudah memiliki akses (atau menunggu) ke divisi {string.Join(", ", live.Order())}: cabut dulu untuk mengubahnya.")];
            }
        }

        if (errors.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var grantor = await db.Users.Where(u => u.Id == admin.UserId).Select(u => u.FullName).SingleAsync(cancellationToken);
        foreach (var division in divisions)
        {
            var grant = new BureauGrant
            {
                Id = Guid.NewGuid(), BureauId = bureau!.Id, DivisionId = division.Id, Role = role, EndsOn = endsOn, Status = BureauGrantStatus.Menunggu,
                GrantedByUserId = admin.UserId, GrantedByName = grantor, GrantedAt = now,
            };
            db.BureauGrants.Add(grant);
            audit.Record("biro.beriAkses", "AksesBiro", grant.Id.ToString(), division.Id, after: new { biro = bureau.Name, kodeBiro = code, peran = role.ToString(), berlakuSampai = TypedDate.Format(endsOn) });
        }

        // The bureau's admins accept on their "Biro" page.
        await TellBureauAdminsAsync(bureau!.Id, () => (Wording.Of("Permintaan Akses Biro"), Outbox.Paragraphs(
            Wording.Of($"{admin.CompanyName} ({admin.Npp}) memberi {bureau.Name} akses {role} ke {divisions.Count} divisi sampai {TypedDate.Format(endsOn)}."),
            Wording.Of("Terima atau tolak di halaman Biro Sipp."))), cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same grant made at the same moment (the filtered unique index): nothing of this one is kept.
            return Refusal.Field(DivisionsField, Wording.Of("Biro ini baru saja diberi akses ke divisi yang sama. Muat ulang halaman."), RefusalKind.Conflict);
        }

        return Wording.Of($"Akses diberikan kepada {bureau!.Name} untuk {divisions.Count} divisi. Berlaku setelah biro menerimanya.");
    }

    /// <summary>Revokes a waiting or active grant of a division the Admin administers; the bureau's next request no longer has it.</summary>
    public async Task<Result<string>> RevokeAsync(CompanyContext admin, Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await Visible(admin).Where(g => g.Id == grantId).Select(g => new { g.DivisionId, g.BureauId, Bureau = g.Bureau.Name, Division = g.Division.Code }).SingleOrDefaultAsync(cancellationToken);
        if (grant is null)
        {
            return Refusal.Of(Wording.Of("Akses biro tidak ditemukan."), RefusalKind.NotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.BureauGrants.AcrossDivisions()
            .Where(g => g.Id == grantId && (g.Status == BureauGrantStatus.Menunggu || g.Status == BureauGrantStatus.Aktif))
            .ExecuteUpdateAsync(g => g.SetProperty(x => x.Status, BureauGrantStatus.Dicabut).SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedByUserId, admin.UserId), cancellationToken);
        if (revoked == 0)
        {
            return Refusal.Of(Wording.Of("Akses biro ini sudah tidak berlaku."), RefusalKind.Conflict);
        }

        audit.Record("biro.cabutAkses", "AksesBiro", grantId.ToString(), grant.DivisionId, after: new { biro = grant.Bureau });
        await TellBureauAdminsAsync(grant.BureauId, () => (Wording.Of("Akses Biro dicabut"),
            Wording.Of($"{admin.CompanyName} ({admin.Npp}) mencabut akses {grant.Bureau} ke divisi {grant.Division}.")), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of($"Akses {grant.Bureau} dicabut. Permintaan berikutnya dari staf biro ini ditolak.");
    }

    /// <summary>An email to each active admin of the bureau, written in their own language; the caller saves.</summary>
    private async Task TellBureauAdminsAsync(Guid bureauId, Func<(string Subject, string Body)> compose, CancellationToken cancellationToken)
    {
        var admins = await db.BureauStaff.Where(s => s.BureauId == bureauId && s.IsActive && s.IsBureauAdmin && s.User.IsActive && s.User.Email != null)
            .Select(s => new { s.User.Email, s.User.Language }).ToListAsync(cancellationToken);
        foreach (var to in admins)
        {
            Wording.In(to.Language, () =>
            {
                var (subject, body) = compose();
                outbox.Email(to.Email!, subject, body);
            });
        }
    }
}
