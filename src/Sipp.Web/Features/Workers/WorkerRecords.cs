using Sipp.Data.Workers;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;

namespace Sipp.Web.Features.Workers;

/// <summary>The rows a new worker becomes, whether added by "Tambah Tenaga Kerja" or by "Upload Tenaga Kerja Baru".</summary>
public static class WorkerRecords
{
    public static Participant ToParticipant(NewWorker worker, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), Nik = worker.Nik?.Value, PassportNumber = worker.Passport?.Value, CountryCode = worker.Country?.Value,
        FullName = worker.FullName.Value, NameNormalized = worker.FullName.Normalized, BirthDate = worker.BirthDate, Sex = worker.Sex,
        Citizenship = worker.Citizenship, CreatedAt = now,
    };

    /// <summary>A new participant's employment, with what this employer entered about the person.</summary>
    public static Employment NewEmployment(Guid participantId, Guid divisionId, NewWorker worker, DateOnly registeredOn, DateTime now)
    {
        var added = NewEmployment(participantId, divisionId, worker.Employment, EmploymentStatus.MenungguVerifikasi, registeredOn, now);
        added.BirthPlace = worker.BirthPlace.Value;
        added.MotherMaidenName = worker.MotherMaidenName.Value;
        added.MaritalStatus = worker.MaritalStatus;
        added.Address = worker.Address;
        added.PostalCode = worker.PostalCode;
        added.Phone = worker.Phone?.Value;
        added.Email = worker.Email?.Value;
        added.Npwp = worker.Npwp?.Value;
        return added;
    }

    public static Employment NewEmployment(Guid participantId, Guid divisionId, NewEmployment employment, EmploymentStatus status, DateOnly registeredOn, DateTime now)
    {
        var added = new Employment
        {
            Id = Guid.CreateVersion7(), ParticipantId = participantId, DivisionId = divisionId, Status = status, EmploymentType = employment.Type,
            WorkStartDate = employment.WorkStart, ContractEndDate = employment.ContractEnd, MembershipStartDate = employment.MembershipStart,
            RegisteredOn = registeredOn, CreatedAt = now, EmployeeNumber = employment.Number?.Value,
        };
        added.WageHistory.Add(new WageChange { EffectiveFrom = Period.Containing(employment.MembershipStart), Upah = employment.Upah, CreatedAt = now });
        return added;
    }
}
