using System.Globalization;
using Sipp.Domain.Money;

namespace Sipp.Domain.Contributions;

/// <summary>Explains in the reader's language how a result came about: which rates and caps applied, why JP or JKP is zero.</summary>
public static class ContributionExplanation
{

    public static IReadOnlyList<string> Describe(PeriodRules rules, in WorkerFacts worker, in ContributionResult result)
    {
        var lines = new List<string>
        {
            Wording.Of($"JHT: {rules.JhtEmployer} pemberi kerja dan {rules.JhtWorker} tenaga kerja dari upah {new Rupiah(result.Upah)}."),
        };

        var riskClass = JkkRiskClass.Roman(rules.Company.JkkRiskClass);
        lines.Add(rules.JkkDiscount.PartsPerMillion > 0
            ? Wording.Of($"JKK kelas {riskClass}: tarif {rules.JkkClassRate} mendapat diskon padat karya {rules.JkkDiscount} pada periode {rules.Period}, menjadi {rules.JkkEmployer}.")
            : Wording.Of($"JKK kelas {riskClass}: {rules.JkkEmployer} dari upah, dibayar pemberi kerja."));
        if (rules.Company.LabourIntensive && rules.JkkDiscount.PartsPerMillion == 0)
        {
            lines.Add(Wording.Of($"Diskon JKK padat karya tidak berlaku pada periode {rules.Period}."));
        }

        lines.Add(Wording.Of($"JKM: {rules.JkmEmployer} dari upah, dibayar pemberi kerja."));
        lines.Add(result.JpStatus switch
        {
            JpStatus.CompanyNotParticipating => Wording.Of("JP tidak dihitung: perusahaan tidak ikut program Jaminan Pensiun."),
            JpStatus.ForeignWorker => Wording.Of("JP tidak dihitung: tenaga kerja asing (WNA) tidak ikut Jaminan Pensiun."),
            JpStatus.RetirementAgeReached => RetirementLine(rules, worker),
            _ when result.Upah > rules.JpWageCap =>
                Wording.Of($"JP: upah melebihi batas atas upah JP periode {rules.Period} ({new Rupiah(rules.JpWageCap)}); iuran dihitung dari batas tersebut."),
            _ => Wording.Of($"JP: {rules.JpEmployer} pemberi kerja dan {rules.JpWorker} tenaga kerja dari upah (batas atas upah JP {new Rupiah(rules.JpWageCap)})."),
        });
        lines.Add(result.JkpStatus switch
        {
            JkpStatus.ForeignWorker => Wording.Of("JKP: tenaga kerja asing (WNA) tidak termasuk program JKP."),
            JkpStatus.TooOldAtRegistration => Wording.Of($"JKP: tidak termasuk karena berusia {rules.JkpMaximumAge} tahun atau lebih saat terdaftar."),
            _ => Wording.Of($"JKP (tidak ditagihkan): dihitung dari {new Rupiah(result.JkpBase)}; dibiayai pemerintah dan rekomposisi iuran JKK/JKM."),
        });
        return lines;
    }

    private static string RetirementLine(PeriodRules rules, in WorkerFacts worker)
    {
        var reached = Retirement.ReachedOn(worker.BirthDate, rules.Table);
        return reached is { } date
            ? Wording.Of($"JP tidak dihitung: telah mencapai usia pensiun {date.Year - worker.BirthDate.Year} tahun pada {date:d MMMM yyyy}.")
            : Wording.Of("JP tidak dihitung: telah mencapai usia pensiun.");
    }
}
