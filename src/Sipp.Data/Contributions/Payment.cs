namespace Sipp.Data.Contributions;

/// <summary>A payment reported by a bank for a bill; <see cref="Reference"/> makes the notification idempotent.</summary>
public class Payment
{
    public Guid Id { get; set; }

    public Guid BillId { get; set; }

    public Bill Bill { get; set; } = null!;

    /// <summary>The bank's reference (referensi), unique.</summary>
    public required string Reference { get; set; }

    public long Amount { get; set; }

    /// <summary>Tanggal bayar as reported by the bank.</summary>
    public DateOnly PaidOn { get; set; }

    public DateTime ReceivedAt { get; set; }

    public required string Channel { get; set; }

    /// <summary>Code printed on the receipt (Bukti Pembayaran) to verify it publicly.</summary>
    public required string ReceiptCode { get; set; }
}
