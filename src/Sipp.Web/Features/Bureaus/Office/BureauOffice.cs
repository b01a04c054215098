using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Bureaus;
using Sipp.Domain;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Bureaus.Office;

/// <summary>The bureau a user staffs, and whether they administer it.</summary>
public sealed record StaffPlace(Guid BureauId, string Name, string Code, Guid CompanyId, bool IsBureauAdmin);

/// <summary>
/// "Biro", the bureau's side (ADR 0023): an Admin of a registered company registers it as a bureau (and becomes its
/// first bureau admin); bureau admins add and remove staff — people who already sign in to Sipp with their own
/// password and OTP as members of the bureau's company — and accept or decline the grants clients send.
/// </summary>
public sealed class BureauOffice(SippDbContext db, Outbox outbox, AuditLog audit, TimeProvider clock)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public Task<StaffPlace?> PlaceOfAsync(Guid userId, CancellationToken cancellationToken) =>
        db.BureauStaff.AsNoTracking().Where(s => s.UserId == userId && s.IsActive && s.User.IsActive)
            .Select(s => new StaffPlace(s.BureauId, s.Bureau.Name, s.Bureau.Code, s.Bureau.CompanyId, s.IsBureauAdmin))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The active members of the bureau's company who may be added as staff (not staff of a bureau yet).</summary>
    public IQueryable<AppUser> Candidates(StaffPlace place) =>
        db.Users.Where(u => u.IsActive
            && db.Memberships.AcrossDivisions().Any(m => m.UserId == u.Id && m.IsActive && m.Division.CompanyId == place.CompanyId)
            && !db.BureauStaff.Any(s => s.UserId == u.Id && s.IsActive));

    /// <summary>The grants clients sent this bureau that wait for its answer, oldest first.</summary>
    public IQueryable<WaitingGrant> Waiting(StaffPlace place) =>
        db.BureauGrants.AsNoTracking().AcrossDivisions().Where(g => g.BureauId == place.BureauId && g.Status == BureauGrantStatus.Menunggu)
            .OrderBy(g => g.GrantedAt)
            .Select(g => new WaitingGrant(g.Id, g.Division.Company.Npp, g.Division.Company.Name, g.Division.Code + " — " + g.Division.Name, g.Role, g.EndsOn, g.GrantedByName));

    public Task<int> ActiveClientsAsync(StaffPlace place, CancellationToken cancellationToken) =>
        db.BureauGrants.AsNoTracking().AcrossDivisions().CountAsync(g => g.BureauId == place.BureauId && g.Status == BureauGrantStatus.Aktif, cancellationToken);

    public async Task<Result<string>> RegisterAsync(CompanyContext admin, string? name, CancellationToken cancellationToken)
    {
        if (!admin.IsAdmin)
        {
            return Refusal.Of(Wording.Of("Hanya Admin perusahaan yang dapat mendaftarkannya sebagai biro."), RefusalKind.Forbidden);
        }

        var cleaned = string.Join(' ', (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (cleaned.Length is 0 or > 100)
        {
            return Refusal.Field("Nama", Wording.Of("Nama biro wajib diisi, paling banyak 100 karakter."));
        }

        if (await db.Bureaus.AnyAsync(b => b.CompanyId == admin.CompanyId, cancellationToken))
        {
            return Refusal.Of(Wording.Of("Perusahaan ini sudah terdaftar sebagai biro."), RefusalKind.Conflict);
        }

        if (await PlaceOfAsync(admin.UserId, cancellationToken) is not null)
        {
            return Refusal.Of(Wording.Of("Anda sudah menjadi staf sebuah biro."), RefusalKind.Conflict);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var bureau = new Bureau { Id = Guid.NewGuid(), Name = cleaned, Code = "BIRO-" + RandomNumberGenerator.GetString(CodeAlphabet, 8), CompanyId = admin.CompanyId, CreatedAt = now };
        db.Bureaus.Add(bureau);
        db.BureauStaff.Add(new BureauStaff { Id = Guid.NewGuid(), BureauId = bureau.Id, UserId = admin.UserId, IsBureauAdmin = true, CreatedAt = now });
        audit.Record("biro.daftar", "Biro", bureau.Id.ToString(), admin.DivisionId, after: new { nama = cleaned, kode = bureau.Code });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Refusal.Of(Wording.Of("Perusahaan ini sudah terdaftar sebagai biro."), RefusalKind.Conflict);
        }

        return Wording.Of($"{cleaned} terdaftar sebagai biro. Berikan Kode Biro {bureau.Code} kepada klien Anda.");
    }

    public async Task<Result<string>> AddStaffAsync(StaffPlace place, Guid actorId, Guid userId, bool asAdmin, CancellationToken cancellationToken)
    {
        if (!place.IsBureauAdmin)
        {
            return Refusal.Of(Wording.Of("Hanya admin biro yang dapat mengatur staf."), RefusalKind.Forbidden);
        }

        if (await Candidates(place).Where(u => u.Id == userId).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken) is not { } staffName)
        {
            return Refusal.Field("Staf", Wording.Of("Pilih pengguna aktif perusahaan biro yang belum menjadi staf biro."));
        }

        var existing = await db.BureauStaff.SingleOrDefaultAsync(s => s.BureauId == place.BureauId && s.UserId == userId, cancellationToken);
        if (existing is null)
        {
            db.BureauStaff.Add(new BureauStaff { Id = Guid.NewGuid(), BureauId = place.BureauId, UserId = userId, IsBureauAdmin = asAdmin, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            (existing.IsActive, existing.IsBureauAdmin) = (true, asAdmin);
        }

        audit.Record("biro.tambahStaf", "Biro", place.BureauId.ToString(), after: new { staf = staffName, adminBiro = asAdmin }, actorUserId: actorId);
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of($"{staffName} menjadi staf {place.Name}.");
    }

    public async Task<Result<string>> RemoveStaffAsync(StaffPlace place, Guid actorId, Guid staffId, CancellationToken cancellationToken)
    {
        if (!place.IsBureauAdmin)
        {
            return Refusal.Of(Wording.Of("Hanya admin biro yang dapat mengatur staf."), RefusalKind.Forbidden);
        }

        var staff = await db.BureauStaff.Include(s => s.User).SingleOrDefaultAsync(s => s.Id == staffId && s.BureauId == place.BureauId && s.IsActive, cancellationToken);
        if (staff is null)
        {
            return Refusal.Of(Wording.Of("Staf tidak ditemukan."), RefusalKind.NotFound);
        }

        if (staff.UserId == actorId)
        {
            return Refusal.Of(Wording.Of("Anda tidak dapat mengeluarkan diri sendiri; mintalah admin biro lain."), RefusalKind.Conflict);
        }

        staff.IsActive = false;
        audit.Record("biro.hapusStaf", "Biro", place.BureauId.ToString(), before: new { staf = staff.User.FullName }, actorUserId: actorId);
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of($"{staff.User.FullName} bukan lagi staf {place.Name}; aksesnya ke klien berakhir pada permintaan berikutnya.");
    }

    /// <summary>Accepts or declines a waiting grant to this bureau; the grant's Admin is told.</summary>
    public async Task<Result<string>> DecideAsync(StaffPlace place, Guid actorId, Guid grantId, bool accept, CancellationToken cancellationToken)
    {
        if (!place.IsBureauAdmin)
        {
            return Refusal.Of(Wording.Of("Hanya admin biro yang dapat menerima atau menolak akses."), RefusalKind.Forbidden);
        }

        var grant = await db.BureauGrants.AcrossDivisions().Where(g => g.Id == grantId && g.BureauId == place.BureauId)
            .Select(g => new { g.DivisionId, g.GrantedByUserId, Client = g.Division.Company.Name, g.Division.Code }).SingleOrDefaultAsync(cancellationToken);
        if (grant is null)
        {
            return Refusal.Of(Wording.Of("Permintaan akses tidak ditemukan."), RefusalKind.NotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var status = accept ? BureauGrantStatus.Aktif : BureauGrantStatus.Ditolak;
        var decided = await db.BureauGrants.AcrossDivisions().Where(g => g.Id == grantId && g.Status == BureauGrantStatus.Menunggu)
            .ExecuteUpdateAsync(g => g.SetProperty(x => x.Status, status).SetProperty(x => x.DecidedAt, now).SetProperty(x => x.DecidedByUserId, actorId), cancellationToken);
        if (decided == 0)
        {
            return Refusal.Of(Wording.Of("Permintaan akses ini sudah tidak menunggu."), RefusalKind.Conflict);
        }

        audit.Record(accept ? "biro.terimaAkses" : "biro.tolakAkses", "AksesBiro", grantId.ToString(), grant.DivisionId, after: new { biro = place.Name }, actorUserId: actorId);
        var grantor = await db.Users.Where(u => u.Id == grant.GrantedByUserId).Select(u => new { u.Email, u.Language }).SingleAsync(cancellationToken);
        if (grantor.Email is not null)
        {
            Wording.In(grantor.Language, () => outbox.Email(grantor.Email, Wording.Of("Akses Biro"), accept
                ? Wording.Of($"{place.Name} menerima akses ke divisi {grant.Code} {grant.Client}.")
                : Wording.Of($"{place.Name} menolak akses ke divisi {grant.Code} {grant.Client}.")));
        }

        await db.SaveChangesAsync(cancellationToken);
        return accept ? Wording.Of($"Akses ke {grant.Client} divisi {grant.Code} diterima.") : Wording.Of($"Akses ke {grant.Client} divisi {grant.Code} ditolak.");
    }
}
