using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>The pending registration of this browser (from the verification cookie) and the company it is for.</summary>
public sealed class RegistrationWizard(SippDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<(PendingRegistration Registration, RegistrationCompany Company)?> LoadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (await OtpChallenge.ReadAsync(context, OtpPurpose.Registration) is not { } challenge)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var registration = await db.PendingRegistrations.AcrossDivisions()
            .SingleOrDefaultAsync(r => r.Id == challenge.SubjectId && r.CompletedAt == null && r.ExpiresAt > now, cancellationToken);
        if (registration is null)
        {
            return null;
        }

        var company = await CompanyAsync(registration.DivisionId, cancellationToken);
        return (registration, company!);
    }

    public Task<RegistrationCompany?> CompanyAsync(Guid divisionId, CancellationToken cancellationToken) =>
        db.Divisions.AsNoTracking().Where(d => d.Id == divisionId)
            .Select(d => new RegistrationCompany(d.Id, d.Company.Npp, d.Code, d.Company.Name, d.Name, d.BranchOffice))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>An NPP and a division code as typed into a form's <c>Npp</c> and <c>Divisi</c>; the errors otherwise.</summary>
    public static (string Npp, string Division)? ParseCompany(string? typedNpp, string? typedDivision, FieldErrors errors)
    {
        if (!Npp.TryParse(typedNpp, out var npp, out var nppError))
        {
            errors.Add("Npp", nppError);
        }

        if (!DivisionCode.TryParse(typedDivision, out var division, out var divisionError))
        {
            errors.Add("Divisi", divisionError);
        }

        return errors.Any ? null : (npp.Value, division.Value);
    }

    public Task<RegistrationCompany?> FindCompanyAsync(string npp, string division, CancellationToken cancellationToken) =>
        db.Divisions.AsNoTracking().Where(d => d.Company.Npp == npp && d.Code == division)
            .Select(d => new RegistrationCompany(d.Id, d.Company.Npp, d.Code, d.Company.Name, d.Name, d.BranchOffice))
            .SingleOrDefaultAsync(cancellationToken);
}

public sealed record RegistrationCompany(Guid DivisionId, string Npp, string DivisionCode, string CompanyName, string DivisionName, string BranchOffice);
