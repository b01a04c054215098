using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;

namespace Sipp.Web.Features.Contributions;

/// <summary>How periods read on the pages.</summary>
public static class PeriodTexts
{
    /// <summary>What is not a rule, said where contributions are shown (iuran.md: no pro-rating).</summary>
    public const string WholeMonth =
        "Iuran dihitung dari upah sebulan penuh: tidak dibagi menurut jumlah hari bila tenaga kerja mulai atau berhenti di tengah bulan.";

    /// <summary>How a monthly wage is reported, for every wage field.</summary>
    public const string WageHelp =
        "Upah pokok + tunjangan tetap per bulan. Untuk upah harian: × 25 bila 6 hari kerja seminggu, × 21 bila 5 hari kerja seminggu.";

    public static string Status(ContributionPeriod period, DateOnly today) =>
        PeriodLifecycle.Label(PeriodLifecycle.Display(period.Status, period.DueDate, today));

    /// <summary>Why JP is not due for a worker, as the warnings and the lines' tooltips say it.</summary>
    public static string JpNotDue(JpStatus status) => status switch
    {
        JpStatus.CompanyNotParticipating => "perusahaan tidak mengikuti program JP",
        JpStatus.ForeignWorker => "tenaga kerja asing (WNA) tidak membayar JP",
        JpStatus.RetirementAgeReached => "telah mencapai usia pensiun",
        _ => string.Empty,
    };

    /// <summary>A number of workers: "1.250".</summary>
    public static string Workers(int count) => count.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
}
