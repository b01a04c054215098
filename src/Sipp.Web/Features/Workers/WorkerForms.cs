using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Shared;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Workers;

/// <summary>The fields of the worker forms, built once so that pages and their tests agree on labels and choices.</summary>
public static class WorkerForms
{
    public static readonly IReadOnlyList<(string, string)> Sexes = [("Laki-laki", "Laki-laki"), ("Perempuan", "Perempuan")];
    public static readonly IReadOnlyList<(string, string)> Citizenships = [("WNI", "WNI — Warga Negara Indonesia"), ("WNA", "WNA — Warga Negara Asing")];
    public static readonly IReadOnlyList<(string, string)> MaritalStatuses = [("Belum Kawin", "Belum Kawin"), ("Kawin", "Kawin"), ("Cerai Hidup", "Cerai Hidup"), ("Cerai Mati", "Cerai Mati")];
    public static readonly IReadOnlyList<(string, string)> EmploymentTypes = [("PKWT", "PKWT — kontrak (waktu tertentu)"), ("PKWTT", "PKWTT — tetap (waktu tidak tertentu)")];

    public static readonly IReadOnlyList<(string, string)> EndReasons =
        Enum.GetValues<EndReason>().Select(r => (r.ToString(), WorkerTexts.Reason(r))).ToList();

    public static FieldModel Field(IReadOnlyDictionary<string, string?> values, string key, string type = "text", IReadOnlyList<(string, string)>? options = null, string? help = null, bool required = true) =>
        new(key, values.TryGetValue(key, out var value) ? value : null, type, options, help, required);

    public static IEnumerable<FieldModel> EmploymentFields(IReadOnlyDictionary<string, string?> values) =>
    [
        Field(values, F.EmploymentType, options: EmploymentTypes),
        Field(values, F.WorkStart, "date"),
        Field(values, F.ContractEnd, "date", help: "Hanya untuk PKWT.", required: false).OnlyWhen(F.EmploymentType, "PKWT"),
        Field(values, F.MembershipStart, "date", help: "Sejak tanggal ini iuran dihitung."),
        Field(values, F.Wage, help: Contributions.PeriodTexts.WageHelp),
        Field(values, F.EmployeeNumber, help: EmployeeNumberHelp, required: false),
    ];

    public const string EmployeeNumberHelp = "Nomor karyawan dari payroll Anda, bila ada; unik di divisi ini.";

    /// <summary>A handler's refusal on a worker form: each message next to its field (Isian[field]), the rest at the top.</summary>
    public static void Show(ModelStateDictionary modelState, Refusal refusal) => AddErrors(modelState, refusal.Errors);

    public static void AddErrors(ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "Isian")
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field.Length == 0 ? string.Empty : $"{prefix}[{field}]", message);
            }
        }
    }
}
