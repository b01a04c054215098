namespace Sipp.Domain.Contributions;

/// <summary>Whether JP is due for a worker in a period, and if not, why.</summary>
public enum JpStatus : byte
{
    Due = 0,
    CompanyNotParticipating = 1,
    ForeignWorker = 2,
    RetirementAgeReached = 3,
}

/// <summary>Whether the worker is covered by the JKP allocation, and if not, why.</summary>
public enum JkpStatus : byte
{
    Eligible = 0,
    ForeignWorker = 1,
    TooOldAtRegistration = 2,
}
