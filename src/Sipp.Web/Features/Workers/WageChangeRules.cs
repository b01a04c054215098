using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.LateChanges;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers;

/// <summary>
/// When a wage may change from a period on (shared with "Upload Perubahan Upah"); whether it lowers a final month's
/// wage is <see cref="LateChargePlanner.DecreaseRefusal"/>'s to say.
/// </summary>
public static class WageChangeRules
{
    public static List<string> Check(WorkerFacts worker, Period from)
    {
        var errors = new List<string>();
        if (worker.Status is not (EmploymentStatus.Aktif or EmploymentStatus.MenungguVerifikasi))
        {
            errors.Add(Wording.Of("Upah hanya dapat diubah untuk tenaga kerja aktif atau yang menunggu verifikasi."));
        }

        if (from < Period.Containing(worker.MembershipStart))
        {
            errors.Add(Wording.Of($"Periode Mulai tidak boleh sebelum periode kepesertaan ({Period.Containing(worker.MembershipStart)})."));
        }

        if (worker.EndDate is { } end && from > Period.Containing(end))
        {
            errors.Add(Wording.Of("Periode Mulai sesudah tanggal non aktif."));
        }

        return errors;
    }
}
