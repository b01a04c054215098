using Sipp.Web.Infrastructure;
using Sipp.Domain.Periods;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Identifiers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Data;

using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Payments.NotifyPayment;

/// <summary>The notification a bank sends when a bill is paid (product.md §6).</summary>
public sealed record PaymentNotice(
    [property: JsonPropertyName("kodeIuran")] string? KodeIuran,
    [property: JsonPropertyName("jumlah")] long? Jumlah,
    [property: JsonPropertyName("tanggalBayar")] DateOnly? TanggalBayar,
    [property: JsonPropertyName("referensi")] string? Referensi);

/// <summary>The answer to a notification; the same <c>referensi</c> always gets the first answer again.</summary>
public sealed record PaymentReceipt(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("kodeIuran")] string KodeIuran,
    [property: JsonPropertyName("referensi")] string Referensi,
    [property: JsonPropertyName("jumlah")] long Jumlah,
    [property: JsonPropertyName("tanggalBayar")] DateOnly TanggalBayar,
    [property: JsonPropertyName("buktiPembayaran")] string BuktiPembayaran);


/// <summary>
/// Verifies the channel's HMAC-SHA256 signature over the raw body, then records the payment once per <c>referensi</c>:
/// the bill and its period become "Lunas", a receipt code is issued, and a late payment's fine is kept for the next
/// bill. Concurrent duplicates meet the unique reference and get the first answer.
/// </summary>
public sealed class PaymentNotification(
    SippDbContext db, IOptions<PaymentOptions> payments, RuleTableProvider ruleTables, Features.Api.Webhooks.WebhookEvents webhooks, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<PaymentReceipt>> HandleAsync(byte[] body, string? signature, CancellationToken cancellationToken)
    {
        if (ChannelSigning(body, signature) is not { } channel)
        {
            return Refusal.Of(Wording.Of("Header X-Sipp-Signature tidak cocok dengan isi permintaan."), RefusalKind.Unauthenticated, Wording.Of("Tanda tangan tidak valid"));
        }

        PaymentNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<PaymentNotice>(body);
        }
        catch (JsonException)
        {
            notice = null;
        }

        if (notice is not { Jumlah: { } jumlah, TanggalBayar: { } paidOn } || string.IsNullOrWhiteSpace(notice.Referensi) || notice.Referensi.Length > 64
            || !KodeIuran.TryParse(notice.KodeIuran, out var kode, out _))
        {
            return Refusal.Of(Wording.Of("Diperlukan kodeIuran (11 digit), jumlah (rupiah), tanggalBayar (YYYY-MM-DD) dan referensi."), RefusalKind.Invalid, Wording.Of("Isi notifikasi tidak valid"));
        }

        var today = clock.JakartaToday();
        if ((Period.CheckInputDate(paidOn, "tanggalBayar") ?? (paidOn > today.AddDays(1) ? Wording.Of("tanggalBayar tidak boleh setelah hari ini.") : null)) is { } badDate)
        {
            return Refusal.Field("tanggalBayar", badDate, RefusalKind.Invalid, Wording.Of("Isi notifikasi tidak valid"));
        }

        if (await EarlierAsync(notice.Referensi, kode.Value, channel, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        // A bank pays a Kode Iuran of any company; from then on the notice reads and writes only that bill's division.
        var bill = await db.Bills.AcrossDivisions().Include(b => b.ContributionPeriod).SingleOrDefaultAsync(b => b.KodeIuran == kode.Value, cancellationToken);
        if (bill is null)
        {
            return Refusal.Of(Wording.Of($"Tidak ada tagihan dengan Kode Iuran {kode}."), RefusalKind.NotFound, Wording.Of("Kode Iuran tidak dikenal"));
        }

        db.ScopeTo(bill.ContributionPeriod.DivisionId);

        if (bill.Channel != channel.Code)
        {
            // A channel's secret pays only the bills issued for that channel.
            return Refusal.Of(Wording.Of("Tagihan ini diterbitkan untuk channel pembayaran lain; notifikasinya hanya diterima dari channel tersebut."), RefusalKind.Forbidden, Wording.Of("Channel tidak sesuai"));
        }

        if (paidOn < JakartaTime.DateOf(bill.IssuedAt))
        {
            return Refusal.Field("tanggalBayar", Wording.Of("tanggalBayar sebelum tagihan diterbitkan. Tagihan tetap belum dibayar."), RefusalKind.Unprocessable, Wording.Of("Tanggal bayar tidak sesuai"));
        }

        if (bill.Status != BillStatus.MenungguPembayaran || PeriodLifecycle.CanPay(bill.ContributionPeriod.Status) is not null)
        {
            if (await EarlierAsync(notice.Referensi, kode.Value, channel, cancellationToken) is { } justPaid)
            {
                return justPaid; // a duplicate of this notification paid it a moment ago
            }

            return Refusal.Of(bill.Status == BillStatus.Lunas ? Wording.Of("Tagihan ini sudah lunas dengan referensi lain.") : Wording.Of("Tagihan ini sudah dibatalkan; perusahaan akan menerbitkan tagihan baru."), RefusalKind.Unprocessable, Wording.Of("Tagihan tidak dapat dibayar"));
        }

        if (jumlah != bill.TotalAmount)
        {
            return Refusal.Of(Wording.Of($"Jumlah {jumlah} tidak sama dengan total tagihan {bill.TotalAmount}. Tagihan tetap belum dibayar."), RefusalKind.Unprocessable, Wording.Of("Jumlah tidak sesuai"));
        }

        var table = await ruleTables.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(), BillId = bill.Id, Reference = notice.Referensi, Amount = jumlah, PaidOn = paidOn, ReceivedAt = now,
            Channel = channel.Code, ReceiptCode = NewReceiptCode(),
        };
        db.Payments.Add(payment);
        bill.Status = BillStatus.Lunas;
        bill.PaidAt = now;
        bill.ContributionPeriod.Status = PeriodStatus.Lunas;
        bill.ContributionPeriod.Version = Guid.NewGuid();
        var fine = await Contributions.FineAccrual.AccrueAsync(db, bill, bill.ContributionPeriod, paidOn, table, now, cancellationToken);
        // An Iuran Susulan is late until this payment: the months since its bill was issued go to the next bill.
        fine += await Contributions.FineAccrual.AccrueArrearsAsync(db, db.LateCharges.Where(c => c.ChargedOnBillId == bill.Id), paidOn, table, now, cancellationToken);

        audit.Record("pembayaran.terima", "Tagihan", bill.Id.ToString(), bill.ContributionPeriod.DivisionId, new { status = "Menunggu Pembayaran" },
            new { status = "Lunas", kodeIuran = bill.KodeIuran, referensi = payment.Reference, jumlah, tanggalBayar = paidOn, channel = channel.Code, dendaTambahan = fine });
        await webhooks.BillAsync(Features.Api.Webhooks.WebhookEvents.BillPaid, bill, bill.ContributionPeriod.Period, bill.ContributionPeriod.DivisionId, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A duplicate of this notification won the race (the reference and the bill are unique): answer as it did.
            db.ChangeTracker.Clear();
            if (await EarlierAsync(notice.Referensi, kode.Value, channel, cancellationToken) is { } first)
            {
                return first;
            }

            return Refusal.Of(Wording.Of("Tagihan ini sudah lunas dengan referensi lain."), RefusalKind.Unprocessable, Wording.Of("Tagihan tidak dapat dibayar"));
        }

        return Receipt(payment, bill.KodeIuran);
    }

    /// <summary>The configured channel whose secret produced this signature (hex HMAC-SHA256 of the raw body), if any.</summary>
    private PaymentChannel? ChannelSigning(byte[] body, string? signature)
    {
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature?.Trim() ?? string.Empty);
        }
        catch (FormatException)
        {
            return null;
        }

        return payments.Value.Channels.FirstOrDefault(c => !string.IsNullOrEmpty(c.Secret)
            && CryptographicOperations.FixedTimeEquals(Signature(c.Secret, body), given));
    }

    /// <summary>HMAC-SHA256 of the raw body with the channel's secret; sent in hex as X-Sipp-Signature.</summary>
    public static byte[] Signature(string secret, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);

    /// <summary>
    /// The answer for a reference already recorded: the same receipt again for a repeat of the same notice (same bill,
    /// same channel), 409 for a reference reused for another bill or by another channel; null when it is new.
    /// </summary>
    private async Task<Result<PaymentReceipt>?> EarlierAsync(string reference, string kodeIuran, PaymentChannel channel, CancellationToken cancellationToken)
    {
        var earlier = await db.Payments.AsNoTracking().AcrossDivisions().Where(p => p.Reference == reference)
            .Select(p => new { Receipt = new PaymentReceipt("Lunas", p.Bill.KodeIuran, p.Reference, p.Amount, p.PaidOn, p.ReceiptCode), p.Channel })
            .SingleOrDefaultAsync(cancellationToken);
        return earlier switch
        {
            null => null,
            _ when earlier.Receipt.KodeIuran == kodeIuran && earlier.Channel == channel.Code => earlier.Receipt,
            _ => Refusal.Field("referensi", Wording.Of("referensi ini sudah tercatat untuk pembayaran tagihan lain. Kirim referensi yang unik untuk setiap pembayaran."), RefusalKind.Conflict, Wording.Of("Referensi sudah dipakai")),
        };
    }

    private static PaymentReceipt Receipt(Payment payment, string kodeIuran) =>
        new("Lunas", kodeIuran, payment.Reference, payment.Amount, payment.PaidOn, payment.ReceiptCode);

    /// <summary>Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed on the receipt.</summary>
    private static string NewReceiptCode() => RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 12);
}
