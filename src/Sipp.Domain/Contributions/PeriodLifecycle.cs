namespace Sipp.Domain.Contributions;

/// <summary>The stored state of a reporting period (product.md §5).</summary>
public enum PeriodStatus
{
    BelumDihitung = 0,
    Dihitung = 1,
    Final = 2,
    Lunas = 3,
}

/// <summary>The steps a period's page offers (<see cref="PeriodLifecycle.Actions"/>).</summary>
public readonly record struct PeriodActions(bool Compute, bool Correct, bool Finalize, bool CancelFinalization, bool Pay);

/// <summary>What a user sees: the stored state, with "Terlambat" for a final period unpaid after its due date.</summary>
public enum PeriodDisplayStatus
{
    BelumDihitung,
    Dihitung,
    MenungguPembayaran,
    Terlambat,
    Lunas,
}

/// <summary>
/// The period state machine: Belum Dihitung → Dihitung → Final → Lunas, and Final → Dihitung by "Batal Finalisasi"
/// while unpaid. Each guard returns null when the step is allowed, otherwise the Indonesian reason it is not.
/// </summary>
public static class PeriodLifecycle
{
    /// <summary>"Hitung Iuran" (first time or again): until the period is final.</summary>
    public static string? CanCompute(PeriodStatus status) => status switch
    {
        PeriodStatus.BelumDihitung or PeriodStatus.Dihitung => null,
        PeriodStatus.Final => Wording.Of("Periode ini sudah final. Batalkan finalisasi dulu (selama belum dibayar) untuk menghitung ulang."),
        _ => Wording.Of("Periode ini sudah lunas dan tidak dapat dihitung ulang."),
    };

    /// <summary>"Koreksi" of one worker's wage for this period: only while computed and not final.</summary>
    public static string? CanCorrect(PeriodStatus status) => status switch
    {
        PeriodStatus.Dihitung => null,
        PeriodStatus.BelumDihitung => Wording.Of("Hitung iuran periode ini dulu sebelum mengoreksi upah."),
        PeriodStatus.Final => Wording.Of("Periode ini sudah final. Batalkan finalisasi dulu untuk mengoreksi upah."),
        _ => Wording.Of("Periode ini sudah lunas; upahnya tidak dapat dikoreksi."),
    };

    /// <summary>"Finalisasi": a computed period with at least one worker.</summary>
    public static string? CanFinalize(PeriodStatus status, int workerCount) => status switch
    {
        PeriodStatus.Dihitung when workerCount > 0 => null,
        PeriodStatus.Dihitung => Wording.Of("Tidak ada tenaga kerja aktif pada periode ini, jadi tidak ada iuran yang ditagihkan."),
        PeriodStatus.BelumDihitung => Wording.Of("Hitung iuran periode ini dulu sebelum finalisasi."),
        PeriodStatus.Final => Wording.Of("Periode ini sudah difinalisasi; tagihannya sudah terbit."),
        _ => Wording.Of("Periode ini sudah lunas."),
    };

    /// <summary>"Batal Finalisasi": a final period whose bill is not paid.</summary>
    public static string? CanCancelFinalization(PeriodStatus status) => status switch
    {
        PeriodStatus.Final => null,
        PeriodStatus.Lunas => Wording.Of("Tagihan periode ini sudah dibayar; finalisasi tidak dapat dibatalkan."),
        _ => Wording.Of("Periode ini belum difinalisasi."),
    };

    /// <summary>A payment: only for a final period (its bill is the live one).</summary>
    public static string? CanPay(PeriodStatus status) => status switch
    {
        PeriodStatus.Final => null,
        PeriodStatus.Lunas => Wording.Of("Tagihan ini sudah lunas."),
        _ => Wording.Of("Tagihan ini sudah dibatalkan atau belum terbit."),
    };

    /// <summary>Which steps a period's page offers in its state: the guards above, asked of the state alone.</summary>
    public static PeriodActions Actions(PeriodStatus status) => new(
        Compute: CanCompute(status) is null,
        Correct: CanCorrect(status) is null,
        Finalize: CanFinalize(status, workerCount: 1) is null, // offered whatever the count: with none, its refusal says why
        CancelFinalization: CanCancelFinalization(status) is null,
        Pay: CanPay(status) is null);

    public static PeriodDisplayStatus Display(PeriodStatus status, DateOnly? dueDate, DateOnly today) => status switch
    {
        PeriodStatus.BelumDihitung => PeriodDisplayStatus.BelumDihitung,
        PeriodStatus.Dihitung => PeriodDisplayStatus.Dihitung,
        PeriodStatus.Final when dueDate is { } due && today > due => PeriodDisplayStatus.Terlambat,
        PeriodStatus.Final => PeriodDisplayStatus.MenungguPembayaran,
        _ => PeriodDisplayStatus.Lunas,
    };

    public static string Label(PeriodDisplayStatus status) => status switch
    {
        PeriodDisplayStatus.BelumDihitung => "Belum Dihitung",
        PeriodDisplayStatus.Dihitung => "Dihitung",
        PeriodDisplayStatus.MenungguPembayaran => "Menunggu Pembayaran",
        PeriodDisplayStatus.Terlambat => "Terlambat",
        _ => "Lunas",
    };
}
