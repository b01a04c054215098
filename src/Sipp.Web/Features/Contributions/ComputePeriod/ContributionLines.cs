using Sipp.Data.Contributions;
using Sipp.Domain.Contributions;

namespace Sipp.Web.Features.Contributions.ComputePeriod;

/// <summary>How a computed line is stored (what it adds to its period is <see cref="PeriodTally"/>'s).</summary>
public static class ContributionLines
{
    public static ContributionLine From(ContributionPeriod period, Guid employmentId, in ContributionResult r, bool wageCorrected) => new()
    {
        PeriodId = period.Id, Computation = period.Computation, EmploymentId = employmentId, Upah = r.Upah, WageCorrected = wageCorrected,
        JhtEmployer = r.JhtEmployer, JhtWorker = r.JhtWorker, JkkEmployer = r.JkkEmployer, JkmEmployer = r.JkmEmployer,
        JpBase = r.JpBase, JpEmployer = r.JpEmployer, JpWorker = r.JpWorker, JpStatus = r.JpStatus,
        JkpBase = r.JkpBase, JkpGovernment = r.JkpGovernment, JkpFromJkk = r.JkpFromJkk, JkpFromJkm = r.JkpFromJkm,
        TotalEmployer = r.TotalEmployer, TotalWorker = r.TotalWorker, Total = r.Total,
    };
}
