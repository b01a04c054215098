using Sipp.Domain.Periods;

namespace Sipp.Data.Workers;

/// <summary>A wage (upah) of a worker from a period on; the history is kept.</summary>
public class WageChange
{
    public long Id { get; set; }

    public Guid EmploymentId { get; set; }

    public Employment Employment { get; set; } = null!;

    public Period EffectiveFrom { get; set; }

    /// <summary>Whole rupiah.</summary>
    public long Upah { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedByUserId { get; set; }
}
