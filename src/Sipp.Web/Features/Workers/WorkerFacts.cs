using Sipp.Data.Workers;
using Sipp.Domain.Workers;

namespace Sipp.Web.Features.Workers;

/// <summary>What the worker rules need to know of one employment, loadable in bulk for uploads.</summary>
public sealed record WorkerFacts(Guid Id, string? Kpj, string? Nik, string? Passport, EmploymentStatus Status, DateOnly WorkStart, DateOnly MembershipStart, DateOnly? EndDate)
{
    /// <summary>The later of work and membership start: nothing is ended before it.</summary>
    public DateOnly Start => MembershipStart > WorkStart ? MembershipStart : WorkStart;

    public static WorkerFacts Of(Employment e) =>
        new(e.Id, e.Participant?.Kpj, e.Participant?.Nik, e.Participant?.PassportNumber, e.Status, e.WorkStartDate, e.MembershipStartDate, e.EndDate);
}
