namespace Sipp.Domain.Rules;

/// <summary>The keys of the rule table and the unit of each value. Names follow the Indonesian terms.</summary>
public static class RuleKeys
{
    /// <summary>First supported period (row date; value 1).</summary>
    public const string SupportedFrom = "periode.didukungMulai";

    public const string JhtEmployer = "jht.pemberiKerja";          // percent
    public const string JhtWorker = "jht.tenagaKerja";             // percent
    public const string JkmEmployer = "jkm.pemberiKerja";          // percent
    public const string JpEmployer = "jp.pemberiKerja";            // percent
    public const string JpWorker = "jp.tenagaKerja";               // percent
    public const string JpWageCap = "jp.batasUpah";                // rupiah
    public const string JkkClassPrefix = "jkk.kelas.";             // percent, one key per class 1–5
    public const string JkkLabourIntensiveDiscount = "jkk.diskonPadatKarya"; // percent of the JKK rate
    public const string RetirementAge = "jp.usiaPensiun";          // years, by calendar year of the birthday
    public const string JkpWageCap = "jkp.batasUpah";              // rupiah
    public const string JkpGovernment = "jkp.pemerintah";          // percent
    public const string JkpFromJkk = "jkp.rekomposisiJkk";         // percent
    public const string JkpFromJkm = "jkp.rekomposisiJkm";         // percent
    public const string JkpMaximumAge = "jkp.batasUsia";           // years: eligible when younger at registration
    public const string DueDay = "jatuhTempo.tanggal";             // day of the following month
    public const string FinePerMonth = "denda.perBulan";           // percent of the period total per month late
    public const string Holiday = "libur";                         // row date is the holiday; value 1
    public const string HolidayList = "daftarLibur";               // row dated 1 January: that year's holidays are all listed; value 1

    /// <summary>Optional regional minimum wage (rupiah), one key per region: "upahMinimum.3171" or "upahMinimum.jakarta".</summary>
    public const string MinimumWagePrefix = "upahMinimum.";

    public static string MinimumWage(string region) => MinimumWagePrefix + region;

    /// <summary>A minimum-wage key names a region of 2–10 letters, digits or dashes.</summary>
    public static bool IsMinimumWage(string key) =>
        key.StartsWith(MinimumWagePrefix, StringComparison.Ordinal) && IsRegion(key[MinimumWagePrefix.Length..]);

    public static bool IsRegion(string region) =>
        region.Length is >= 2 and <= 10 && region.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static string JkkClass(int riskClass) => JkkClassPrefix + riskClass.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static readonly IReadOnlySet<string> Percentages = new HashSet<string>
    {
        JhtEmployer, JhtWorker, JkmEmployer, JpEmployer, JpWorker, JkkLabourIntensiveDiscount,
        JkpGovernment, JkpFromJkk, JkpFromJkm, FinePerMonth,
        JkkClass(1), JkkClass(2), JkkClass(3), JkkClass(4), JkkClass(5),
    };

    public static readonly IReadOnlySet<string> Amounts = new HashSet<string> { JpWageCap, JkpWageCap };

    public static readonly IReadOnlySet<string> Ages = new HashSet<string> { RetirementAge, JkpMaximumAge };

    public static readonly IReadOnlySet<string> All = new HashSet<string>(
        Percentages.Concat(Amounts).Concat(Ages).Concat([SupportedFrom, DueDay, Holiday, HolidayList]));

    /// <summary>What an administrator reads next to each key.</summary>
    public static string Describe(string key) => key switch
    {
        _ when IsMinimumWage(key) => Wording.Of($"Upah minimum wilayah {key[MinimumWagePrefix.Length..]} (Rp), untuk peringatan saja"),
        SupportedFrom => Wording.Of("Periode paling awal yang didukung"),
        JhtEmployer => Wording.Of("JHT — iuran pemberi kerja (% upah)"),
        JhtWorker => Wording.Of("JHT — iuran tenaga kerja (% upah)"),
        JkmEmployer => Wording.Of("JKM — iuran pemberi kerja (% upah)"),
        JpEmployer => Wording.Of("JP — iuran pemberi kerja (% upah s.d. batas)"),
        JpWorker => Wording.Of("JP — iuran tenaga kerja (% upah s.d. batas)"),
        JpWageCap => Wording.Of("JP — batas atas upah (Rp)"),
        JkkLabourIntensiveDiscount => Wording.Of("JKK — diskon industri padat karya (% dari tarif)"),
        RetirementAge => Wording.Of("Usia pensiun (tahun), menurut tahun ulang tahun"),
        JkpWageCap => Wording.Of("JKP — batas upah (Rp)"),
        JkpGovernment => Wording.Of("JKP — iuran pemerintah (% upah s.d. batas)"),
        JkpFromJkk => Wording.Of("JKP — rekomposisi dari JKK (%)"),
        JkpFromJkm => Wording.Of("JKP — rekomposisi dari JKM (%)"),
        JkpMaximumAge => Wording.Of("JKP — batas usia saat terdaftar (tahun)"),
        DueDay => Wording.Of("Tanggal jatuh tempo pada bulan berikutnya"),
        FinePerMonth => Wording.Of("Denda keterlambatan per bulan (% total iuran)"),
        Holiday => Wording.Of("Hari libur nasional"),
        HolidayList => Wording.Of("Daftar libur nasional tahun ini lengkap (SKB 3 Menteri)"),
        _ when key.StartsWith(JkkClassPrefix, StringComparison.Ordinal) =>
            Wording.Of($"JKK — tarif kelas risiko {key[JkkClassPrefix.Length..]} (% upah)"),
        _ => key,
    };
}
