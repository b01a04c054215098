namespace Sipp.Domain.Contributions;

/// <summary>JKK risk class I–V, set per company by BPJS (PP 44/2015 Lampiran I).</summary>
public static class JkkRiskClass
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public static bool IsValid(int riskClass) => riskClass is >= Lowest and <= Highest;

    public static string Roman(int riskClass) => riskClass switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        _ => throw new ArgumentOutOfRangeException(nameof(riskClass)),
    };

    public static string InvalidMessage => Wording.Of("Kelas risiko JKK harus 1 sampai 5 (kelas I–V).");
}
