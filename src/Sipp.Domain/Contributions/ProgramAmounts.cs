namespace Sipp.Domain.Contributions;

/// <summary>
/// Contributions per program (both shares together) and per payer: what a late change adds or takes back for one worker
/// and one month. JKP is not here: it is not billed.
/// </summary>
public readonly record struct ProgramAmounts(long Jht, long Jkk, long Jkm, long Jp, long Employer, long Worker)
{
    public long Total => Employer + Worker;

    public static ProgramAmounts Of(in ContributionResult r) =>
        new(r.JhtEmployer + r.JhtWorker, r.JkkEmployer, r.JkmEmployer, r.JpEmployer + r.JpWorker, r.TotalEmployer, r.TotalWorker);

    public static ProgramAmounts operator +(ProgramAmounts a, ProgramAmounts b) =>
        new(a.Jht + b.Jht, a.Jkk + b.Jkk, a.Jkm + b.Jkm, a.Jp + b.Jp, a.Employer + b.Employer, a.Worker + b.Worker);

    public static ProgramAmounts operator -(ProgramAmounts a, ProgramAmounts b) =>
        new(a.Jht - b.Jht, a.Jkk - b.Jkk, a.Jkm - b.Jkm, a.Jp - b.Jp, a.Employer - b.Employer, a.Worker - b.Worker);
}
