using Sipp.Domain.Workers;
using F = Sipp.Domain.Workers.WorkerFields;
using Sipp.Domain;

namespace Sipp.Web.Features.Workers;

/// <summary>The checks of a deactivation, shared by the page and "Upload Tenaga Kerja Non Aktif".</summary>
public static class DeactivationCheck
{
    /// <summary>The form's field for the reason "Lainnya" (the upload has its own column).</summary>
    public const string OtherTextField = "Keterangan";

    /// <summary>Reads date and reason and applies the rules; errors go to <paramref name="v"/>.</summary>
    public static (DateOnly EndDate, EndReason Reason, string? Text)? Check(
        FieldValues v, WorkerFacts worker, DateOnly today, string otherTextField)
    {
        var endDate = v.Date(F.EndDate, true);
        var reason = v.Choice(F.EndReason, true, Enum.GetValues<EndReason>().Select(r => (r, new[] { r.ToString(), WorkerTexts.Reason(r) })).ToArray());
        var text = v.Text(otherTextField);
        if (reason == EndReason.Lainnya && text is null)
        {
            v.Fail(otherTextField, Wording.Of($"{otherTextField} wajib diisi untuk alasan Lainnya."));
        }

        if (text is { Length: > 200 })
        {
            v.Fail(otherTextField, Wording.Of($"{otherTextField} paling panjang 200 karakter."));
        }

        if (worker.Status != EmploymentStatus.Aktif)
        {
            v.Fail(F.EndDate, Wording.Of($"Hanya tenaga kerja Aktif yang dapat dinonaktifkan (status sekarang: {Wording.OfName(WorkerTexts.Status(worker.Status))})."));
        }

        if (endDate is { } end)
        {
            foreach (var error in DeactivationRules.Check(end, worker.Start, today))
            {
                v.Fail(F.EndDate, error);
            }
        }

        return v.HasErrors ? null : (endDate!.Value, reason!.Value, reason == EndReason.Lainnya ? text : null);
    }
}
