using System.Globalization;
using Sipp.Domain.Money;

namespace Sipp.Domain.Contributions;

/// <summary>Explains in Indonesian how a result came about: which rates and caps applied, why JP or JKP is zero.</summary>
public static class ContributionExplanation
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static IReadOnlyList<string> Describe(PeriodRules rules, in WorkerFacts worker, in ContributionResult result)
    {
        var lines = new List<string>
        {
            $"JHT: {rules.JhtEmployer} pemberi kerja dan {rules.JhtWorker} tenaga kerja dari upah {new Rupiah(result.Upah)}.",
        };

        var riskClass = JkkRiskClass.Roman(rules.Company.JkkRiskClass);
        lines.Add(rules.JkkDiscount.PartsPerMillion > 0
            ? $"JKK kelas {riskClass}: tarif {rules.JkkClassRate} mendapat diskon padat karya {rules.JkkDiscount} pada periode {rules.Period}, menjadi {rules.JkkEmployer}."
            : $"JKK kelas {riskClass}: {rules.JkkEmployer} dari upah, dibayar pemberi kerja.");
        if (rules.Company.LabourIntensive && rules.JkkDiscount.PartsPerMillion == 0)
        {
            lines.Add($"Diskon JKK padat karya tidak berlaku pada periode {rules.Period}.");
        }

        lines.Add($"JKM: {rules.JkmEmployer} dari upah, dibayar pemberi kerja.");
        lines.Add(result.JpStatus switch
        {
            JpStatus.CompanyNotParticipating => "JP tidak dihitung: perusahaan tidak ikut program Jaminan Pensiun.",
            JpStatus.ForeignWorker => "JP tidak dihitung: tenaga kerja asing (WNA) tidak ikut Jaminan Pensiun.",
            JpStatus.RetirementAgeReached => RetirementLine(rules, worker),
            _ when result.Upah > rules.JpWageCap =>
                $"JP: upah melebihi batas atas upah JP periode {rules.Period} ({new Rupiah(rules.JpWageCap)}); iuran dihitung dari batas tersebut.",
            _ => $"JP: {rules.JpEmployer} pemberi kerja dan {rules.JpWorker} tenaga kerja dari upah (batas atas upah JP {new Rupiah(rules.JpWageCap)}).",
        });
        lines.Add(result.JkpStatus switch
        {
            JkpStatus.ForeignWorker => "JKP: tenaga kerja asing (WNA) tidak termasuk program JKP.",
            JkpStatus.TooOldAtRegistration => $"JKP: tidak termasuk karena berusia {rules.JkpMaximumAge} tahun atau lebih saat terdaftar.",
            _ => $"JKP (tidak ditagihkan): dihitung dari {new Rupiah(result.JkpBase)}; dibiayai pemerintah dan rekomposisi iuran JKK/JKM.",
        });
        return lines;
    }

    private static string RetirementLine(PeriodRules rules, in WorkerFacts worker)
    {
        var reached = Retirement.ReachedOn(worker.BirthDate, rules.Table);
        return reached is { } date
            ? $"JP tidak dihitung: telah mencapai usia pensiun {date.Year - worker.BirthDate.Year} tahun pada {date.ToString("d MMMM yyyy", Indonesian)}."
            : "JP tidak dihitung: telah mencapai usia pensiun.";
    }
}
