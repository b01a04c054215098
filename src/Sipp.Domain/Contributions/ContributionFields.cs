namespace Sipp.Domain.Contributions;

/// <summary>Field names of the calculator contract (iuran.md §6), used as keys of validation errors.</summary>
public static class ContributionFields
{
    public const string Period = "periode";
    public const string Wage = "upah";
    public const string BirthDate = "tanggalLahir";
    public const string Citizenship = "kewarganegaraan";
    public const string RiskClass = "kelasRisiko";
    public const string TakesPartInJp = "ikutJp";
    public const string LabourIntensive = "padatKarya";
    public const string ContributionTotal = "totalIuran";
    public const string PaidOn = "tanggalBayar";
}
