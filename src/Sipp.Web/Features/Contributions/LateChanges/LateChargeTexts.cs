using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;
using Sipp.Domain.Money;
using Sipp.Web.Infrastructure.Audit;

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

    public static object AuditAfter(LateCharge c) =>
        new { jenis = LateCharges.Label(c.Kind), periode = c.Month.ToString(), upah = c.Upah, jht = c.Jht, jkk = c.Jkk, jkm = c.Jkm, jp = c.Jp, total = c.Total };

    /// <summary>Each charge as an event of its worker's trail.</summary>
    public static void Record(this AuditLog audit, IEnumerable<LateCharge> charges)
    {
        foreach (var c in charges)
        {
            audit.Record(AuditAction(c.Kind), Workers.WorkerDetail.IndexModel.AuditEntity, c.EmploymentId.ToString(), c.DivisionId, null, AuditAfter(c));
        }
    }

    /// <summary>"Iuran Rapel 3 bulan (Rp 450.000) akan ditagihkan pada tagihan berikutnya." — or empty when nothing was charged.</summary>
    public static string Summary(IReadOnlyCollection<LateCharge> charges) => string.Concat(charges.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => g.Key == LateChargeKind.Kelebihan
        ? $" {LateCharges.Label(g.Key)} {g.Count()} bulan ({new Rupiah(g.Sum(c => c.Total))}) menjadi kredit yang dikompensasikan pada tagihan berikutnya."
        : $" {LateCharges.Label(g.Key)} {g.Count()} bulan ({new Rupiah(g.Sum(c => c.Total))}) akan ditagihkan pada tagihan berikutnya."));
}
