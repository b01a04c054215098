using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Payments;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;

namespace Sipp.Web.Features.Contributions.FinalizePeriod;

/// <summary>
/// "Finalisasi" issues the period's bill (Kode Iuran, contributions + fines not yet charged, due date); "Batal
/// Finalisasi" voids it while unpaid and frees its fines for the next bill. Two finalisations at once cannot both
/// win: the period's version is checked on update and the database allows one live bill per period.
/// </summary>
public sealed class BillIssuing(SippDbContext db, RuleTableProvider ruleTables, IOptions<PaymentOptions> payments, AuditLog audit, TimeProvider clock)
{
    public const string ConcurrentChange = "Periode ini baru saja diubah oleh pengguna lain. Muat ulang halaman dan periksa statusnya.";

    public async Task<string?> FinalizeAsync(Guid divisionId, Period period, string? channelCode, CancellationToken cancellationToken)
    {
        if (payments.Value.Find(channelCode) is not { } channel)
        {
            return "Pilih Channel Pembayaran.";
        }

        var table = await ruleTables.GetAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stored = await db.ContributionPeriods.SingleOrDefaultAsync(p => p.DivisionId == divisionId && p.Period == period, cancellationToken);
            if (PeriodLifecycle.CanFinalize(stored?.Status ?? PeriodStatus.BelumDihitung, stored?.WorkerCount ?? 0) is { } refusal)
            {
                return refusal;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            await FineAccrual.AccrueUnpaidAsync(db, divisionId, stored!.Id, clock.JakartaToday(), table, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var fines = await db.Fines.Where(f => f.DivisionId == divisionId && f.ChargedOnBillId == null).ToListAsync(cancellationToken);
            var bill = new Bill
            {
                Id = Guid.CreateVersion7(), PeriodId = stored!.Id, KodeIuran = await NewKodeIuranAsync(cancellationToken), Channel = channel.Code,
                ContributionAmount = stored.Total, FineAmount = fines.Sum(f => f.Amount), DueDate = LateFine.DueDate(period, table),
                Status = BillStatus.MenungguPembayaran, IssuedAt = now,
            };
            bill.TotalAmount = bill.ContributionAmount + bill.FineAmount;
            db.Bills.Add(bill);
            fines.ForEach(f => f.ChargedOnBillId = bill.Id);
            stored.Status = PeriodStatus.Final;
            stored.FinalizedAt = now;
            stored.DueDate = bill.DueDate;
            stored.Version = Guid.NewGuid();
            audit.Record("iuran.finalisasi", "Periode", stored.Id.ToString(), divisionId, new { status = "Dihitung" },
                new { status = "Final", kodeIuran = bill.KodeIuran, channel = channel.Code, iuran = bill.ContributionAmount, denda = bill.FineAmount, total = bill.TotalAmount, jatuhTempo = bill.DueDate });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // Another finalisation won (the version changed, or the one-live-bill index refused a second bill).
            return ConcurrentChange;
        }
    }

    public async Task<string?> CancelAsync(Guid divisionId, Period period, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stored = await db.ContributionPeriods.SingleOrDefaultAsync(p => p.DivisionId == divisionId && p.Period == period, cancellationToken);
            if (PeriodLifecycle.CanCancelFinalization(stored?.Status ?? PeriodStatus.BelumDihitung) is { } refusal)
            {
                return refusal;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var bill = await db.Bills.SingleAsync(b => b.PeriodId == stored!.Id && b.Status == BillStatus.MenungguPembayaran, cancellationToken);
            bill.Status = BillStatus.Dibatalkan;
            bill.VoidedAt = now;
            await db.Fines.Where(f => f.ChargedOnBillId == bill.Id).ExecuteUpdateAsync(f => f.SetProperty(x => x.ChargedOnBillId, (Guid?)null), cancellationToken);
            stored!.Status = PeriodStatus.Dihitung;
            stored.FinalizedAt = null;
            stored.DueDate = null;
            stored.Version = Guid.NewGuid();
            audit.Record("iuran.batalFinalisasi", "Periode", stored.Id.ToString(), divisionId, new { status = "Final", kodeIuran = bill.KodeIuran },
                new { status = "Dihitung", tagihan = "Dibatalkan" });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return ConcurrentChange;
        }
    }

    /// <summary>Ten random digits and a Luhn check digit, never one already issued.</summary>
    private async Task<string> NewKodeIuranAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = KodeIuran.FromPayload((RandomNumberGenerator.GetInt32(0, 100_000) * 100_000L) + RandomNumberGenerator.GetInt32(0, 100_000)).Value;
            if (!await db.Bills.AnyAsync(b => b.KodeIuran == code, cancellationToken))
            {
                return code;
            }
        }
    }
}
