using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Web.Features.Payments;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;

using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Contributions.FinalizePeriod;

/// <summary>
/// "Finalisasi" issues the period's bill (Kode Iuran, due date): the period's contributions, the waiting Iuran Susulan and
/// Rapel, the fines not yet charged, less the unused Kelebihan Iuran; "Batal Finalisasi" voids it while unpaid and frees
/// all of that for the next bill. Two finalisations at once cannot both
/// win: the period's version is checked on update and the database allows one live bill per period.
/// </summary>
public sealed class BillIssuing(
    SippDbContext db, RuleTableProvider ruleTables, IOptions<PaymentOptions> payments, Api.Webhooks.WebhookEvents webhooks, AuditLog audit, TimeProvider clock)
{
    public const string ChannelField = "Channel";

    public static string ConcurrentChange => Wording.Of("Periode ini baru saja diubah oleh pengguna lain. Muat ulang halaman dan periksa statusnya.");

    public async Task<Refusal?> FinalizeAsync(Guid divisionId, Period period, string? channelCode, CancellationToken cancellationToken)
    {
        if (payments.Value.Find(channelCode) is not { } channel)
        {
            return Refusal.Field(ChannelField, Wording.Of("Pilih Channel Pembayaran."));
        }

        var table = await ruleTables.GetAsync(cancellationToken);
        try
        {
            await using var transaction = await OwnTransactionAsync(cancellationToken);
            await LockDivisionAsync(divisionId, cancellationToken);
            var stored = await db.ContributionPeriods.SingleOrDefaultAsync(p => p.Period == period, cancellationToken);
            if (PeriodLifecycle.CanFinalize(stored?.Status ?? PeriodStatus.BelumDihitung, stored?.WorkerCount ?? 0) is { } refusal)
            {
                return Refusal.Of(refusal, RefusalKind.Conflict);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var today = clock.JakartaToday();
            var bill = new Bill
            {
                Id = Guid.CreateVersion7(), PeriodId = stored!.Id, KodeIuran = await NewKodeIuranAsync(cancellationToken), Channel = channel.Code,
                ContributionAmount = stored.Total, DueDate = LateFine.DueDate(period, table), Status = BillStatus.MenungguPembayaran, IssuedAt = now,
            };
            db.Bills.Add(bill);
            await db.SaveChangesAsync(cancellationToken);
            await FineAccrual.AccrueUnpaidAsync(db, stored.Id, today, table, now, cancellationToken);
            await LateChargeBilling.AttachAsync(db, bill, today, table, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var fines = await db.Fines.Where(f => f.ChargedOnBillId == null).ToListAsync(cancellationToken);
            fines.ForEach(f => f.ChargedOnBillId = bill.Id);
            bill.FineAmount = fines.Sum(f => f.Amount);
            var beforeCredit = bill.ContributionAmount + bill.ArrearsAmount + bill.BackPayAmount + bill.FineAmount;
            bill.CreditAmount = LateCharges.SetOff(await LateChargeBilling.UnusedCreditAsync(db, cancellationToken), beforeCredit);
            bill.TotalAmount = beforeCredit - bill.CreditAmount;
            stored.Status = PeriodStatus.Final;
            stored.FinalizedAt = now;
            stored.DueDate = bill.DueDate;
            stored.Version = Guid.NewGuid();
            if (bill.TotalAmount == 0)
            {
                // Wholly set off by Kelebihan Iuran: nothing to pay, so nothing can be late.
                bill.Status = BillStatus.Lunas;
                bill.PaidAt = now;
                stored.Status = PeriodStatus.Lunas;
            }

            audit.Record("iuran.finalisasi", "Periode", stored.Id.ToString(), divisionId, new { status = "Dihitung" },
                new
                {
                    status = stored.Status.ToString(), kodeIuran = bill.KodeIuran, channel = channel.Code, iuran = bill.ContributionAmount,
                    iuranSusulan = bill.ArrearsAmount, iuranRapel = bill.BackPayAmount, denda = bill.FineAmount, kelebihanIuran = bill.CreditAmount, total = bill.TotalAmount, jatuhTempo = bill.DueDate,
                });
            await webhooks.BillAsync(Api.Webhooks.WebhookEvents.BillIssued, bill, period, divisionId, cancellationToken);
            if (bill.Status == BillStatus.Lunas)
            {
                await webhooks.BillAsync(Api.Webhooks.WebhookEvents.BillPaid, bill, period, divisionId, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await CommitOwnAsync(transaction, cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // Another finalisation won (the version changed, or the one-live-bill index refused a second bill).
            return Refusal.Of(ConcurrentChange, RefusalKind.Conflict);
        }
    }

    public async Task<Refusal?> CancelAsync(Guid divisionId, Period period, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await OwnTransactionAsync(cancellationToken);
            await LockDivisionAsync(divisionId, cancellationToken);
            var stored = await db.ContributionPeriods.SingleOrDefaultAsync(p => p.Period == period, cancellationToken);
            if (PeriodLifecycle.CanCancelFinalization(stored?.Status ?? PeriodStatus.BelumDihitung) is { } refusal)
            {
                return Refusal.Of(refusal, RefusalKind.Conflict);
            }

            if (await LateChargeBilling.WithdrawForMonthAsync(db, stored!, cancellationToken) is { } carried)
            {
                return carried;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var bill = await db.Bills.SingleAsync(b => b.PeriodId == stored!.Id && b.Status == BillStatus.MenungguPembayaran, cancellationToken);
            bill.Status = BillStatus.Dibatalkan;
            bill.VoidedAt = now;
            await db.Fines.Where(f => f.ChargedOnBillId == bill.Id).ExecuteUpdateAsync(f => f.SetProperty(x => x.ChargedOnBillId, (Guid?)null), cancellationToken);
            await LateChargeBilling.ReleaseAsync(db, bill.Id, cancellationToken);
            stored!.Status = PeriodStatus.Dihitung;
            stored.FinalizedAt = null;
            stored.DueDate = null;
            stored.Version = Guid.NewGuid();
            audit.Record("iuran.batalFinalisasi", "Periode", stored.Id.ToString(), divisionId, new { status = "Final", kodeIuran = bill.KodeIuran },
                new { status = "Dihitung", tagihan = "Dibatalkan" });
            await db.SaveChangesAsync(cancellationToken);
            await CommitOwnAsync(transaction, cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return Refusal.Of(ConcurrentChange, RefusalKind.Conflict);
        }
    }

    /// <summary>A transaction of its own, or none inside the caller's (an approval claims its request and issues the bill in one).</summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static async Task CommitOwnAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Finalisations and cancellations of one division take turns on PostgreSQL: each reads the fines, late charges and
    /// credit not yet used, and two at once would both use them. (SQLite's write transactions already take turns.)
    /// </summary>
    private async Task LockDivisionAsync(Guid divisionId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Divisions\" WHERE \"Id\" = {divisionId} FOR UPDATE", cancellationToken);
        }
    }

    /// <summary>Ten random digits and a Luhn check digit, never one already issued.</summary>
    private async Task<string> NewKodeIuranAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = KodeIuran.FromPayload((RandomNumberGenerator.GetInt32(0, 100_000) * 100_000L) + RandomNumberGenerator.GetInt32(0, 100_000)).Value;
            if (!await db.Bills.AcrossDivisions().AnyAsync(b => b.KodeIuran == code, cancellationToken))
            {
                return code;
            }
        }
    }
}
