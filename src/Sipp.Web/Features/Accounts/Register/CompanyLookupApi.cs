using Microsoft.AspNetCore.Http.HttpResults;
using Sipp.Domain.Identifiers;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Register;

/// <summary>
/// GET /api/v1/perusahaan/cari?npp=…&amp;divisi=… — the company name and branch office shown read-only in step 1 of
/// "Daftar". Registry data, no personal data; rate-limited like registration.
/// </summary>
public static class CompanyLookupApi
{
    public static void MapCompanyLookupApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/perusahaan/cari", LookupAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.RegistrationPolicy);

    private static async Task<Results<Ok<CompanyLookup>, NotFound>> LookupAsync(
        string? npp, string? divisi, RegistrationWizard wizard, CancellationToken cancellationToken)
    {
        if (!Npp.TryParse(npp, out var parsedNpp, out _) || !DivisionCode.TryParse(divisi, out var division, out _))
        {
            return TypedResults.NotFound();
        }

        var company = await wizard.FindCompanyAsync(parsedNpp.Value, division.Value, cancellationToken);
        return company is null ? TypedResults.NotFound() : TypedResults.Ok(new CompanyLookup(company.CompanyName, company.DivisionName, company.BranchOffice));
    }
}

public sealed record CompanyLookup(string NamaPerusahaan, string NamaDivisi, string KantorCabang);
