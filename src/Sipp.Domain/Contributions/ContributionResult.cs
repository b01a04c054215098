namespace Sipp.Domain.Contributions;

/// <summary>
/// One worker's contributions for one period: every share of every program rounded separately, plus the JKP
/// allocation (shown, not billed). A value type so that a whole period can be computed into one array.
/// </summary>
public readonly record struct ContributionResult
{
    public long Upah { get; init; }

    public long JhtEmployer { get; init; }

    public long JhtWorker { get; init; }

    public long JkkEmployer { get; init; }

    public long JkmEmployer { get; init; }

    public long JpBase { get; init; }

    public long JpEmployer { get; init; }

    public long JpWorker { get; init; }

    public JpStatus JpStatus { get; init; }

    public long JkpBase { get; init; }

    public long JkpGovernment { get; init; }

    public long JkpFromJkk { get; init; }

    public long JkpFromJkm { get; init; }

    public JkpStatus JkpStatus { get; init; }

    public long TotalEmployer => JhtEmployer + JkkEmployer + JkmEmployer + JpEmployer;

    public long TotalWorker => JhtWorker + JpWorker;

    public long Total => TotalEmployer + TotalWorker;
}
