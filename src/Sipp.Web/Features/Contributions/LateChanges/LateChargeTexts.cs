using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Money;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Domain;

namespace Sipp.Web.Features.Contributions.LateChanges;

/// <summary>How a late charge is written in the audit trail and told to the user who caused it.</summary>
public static class LateChargeTexts
{
    public static string AuditAction(LateChargeKind kind) => kind switch
    {
        LateChargeKind.Susulan => "iuran.susulan",
        LateChargeKind.Rapel => "iuran.rapel",
        _ => "iuran.kelebihan",
    };

    /// <summary>One audit event per worker and kind, listing the months: a division-wide raise is one event per worker, not per month.</summary>
    public static IEnumerable<(LateChargeKind Kind, Guid EmploymentId, Guid DivisionId, object After)> PerWorker(IEnumerable<LateCharge> charges) =>
        charges.GroupBy(c => (c.Kind, c.EmploymentId, c.DivisionId)).Select(g => (g.Key.Kind, g.Key.EmploymentId, g.Key.DivisionId, (object)new
        {
            jenis = LateCharges.Label(g.Key.Kind),
            bulan = g.OrderBy(c => c.Month).Select(c => new { periode = c.Month.ToString(), upah = c.Upah, jht = c.Jht, jkk = c.Jkk, jkm = c.Jkm, jp = c.Jp, total = c.Total }),
            total = g.Sum(c => c.Total),
        }));

    /// <summary>The charges of a form's change, each worker's and kind's in one event of the worker's trail.</summary>
    public static void Record(this AuditLog audit, IEnumerable<LateCharge> charges)
    {
        foreach (var (kind, employmentId, divisionId, after) in PerWorker(charges))
        {
            audit.Record(AuditAction(kind), Workers.WorkerAudit.Entity, employmentId.ToString(), divisionId, null, after);
        }
    }

    /// <summary>"Iuran Rapel 3 bulan (Rp 450.000) akan ditagihkan pada tagihan berikutnya." — or empty when nothing was charged.</summary>
    public static string Summary(IReadOnlyCollection<LateCharge> charges) => string.Concat(charges.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => g.Key == LateChargeKind.Kelebihan
        ? Wording.Of($" {Wording.OfName(LateCharges.Label(g.Key))} {g.Count()} bulan ({new Rupiah(g.Sum(c => c.Total))}) menjadi kredit yang dikompensasikan pada tagihan berikutnya.")
        : Wording.Of($" {Wording.OfName(LateCharges.Label(g.Key))} {g.Count()} bulan ({new Rupiah(g.Sum(c => c.Total))}) akan ditagihkan pada tagihan berikutnya.")));
}
