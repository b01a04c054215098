namespace Sipp.Data.Contributions;

/// <summary>The bill (tagihan) issued when a period is finalised, identified by its Kode Iuran.</summary>
public class Bill
{
    public Guid Id { get; set; }

    public Guid PeriodId { get; set; }

    public ContributionPeriod ContributionPeriod { get; set; } = null!;

    /// <summary>11 digits, the last a Luhn check digit.</summary>
    public required string KodeIuran { get; set; }

    /// <summary>Channel Pembayaran: a bank or virtual-account channel code.</summary>
    public required string Channel { get; set; }

    public long ContributionAmount { get; set; }

    /// <summary>Iuran Susulan of earlier final or paid months carried by this bill.</summary>
    public long ArrearsAmount { get; set; }

    /// <summary>Iuran Rapel (backdated raises) of earlier final or paid months carried by this bill.</summary>
    public long BackPayAmount { get; set; }

    /// <summary>Fines carried from earlier late periods and late-reported months.</summary>
    public long FineAmount { get; set; }

    /// <summary>Kelebihan Iuran set off against this bill; returns to the division's credit when the bill is voided.</summary>
    public long CreditAmount { get; set; }

    public long TotalAmount { get; set; }

    public DateOnly DueDate { get; set; }

    public BillStatus Status { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime? VoidedAt { get; set; }

    public DateTime? PaidAt { get; set; }

    /// <summary>The last day a payment reminder went to the company's Admins (one a day at most, on any node).</summary>
    public DateOnly? RemindedOn { get; set; }

    /// <summary>The day the Admins were told the bill is past its due date (once).</summary>
    public DateOnly? LateNoticeOn { get; set; }
}

public enum BillStatus
{
    MenungguPembayaran = 1,
    Lunas = 2,
    Dibatalkan = 3,
}
