using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using Sipp.Data;
using Sipp.Domain;
using Sipp.Web.Infrastructure.Problems;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sipp.Web.Features.Api;

/// <summary>The token endpoint and the <c>/api/v1/divisi</c> endpoints of the payroll API (ADR 0021).</summary>
public static class PayrollApi
{
    public static void MapPayrollApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPayrollApiDocument();
        routes.MapPost(ApiSetup.TokenPath, IssueTokenAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription()
            .RequireRateLimiting(Infrastructure.Security.RateLimiting.LoginPolicy); // per address, as password logins


        var api = routes.MapGroup("/api/v1/divisi")
            .WithTags("API Penggajian")
            .DisableAntiforgery() // bearer tokens, no cookies: nothing to forge
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var caller = http.RequestServices.GetRequiredService<ApiCaller>();
                if (!await caller.CheckAsync(http.RequestAborted))
                {
                    return Refusal.Of(Wording.Of("Klien API ini sudah dicabut atau kedaluwarsa. Minta Admin perusahaan membuat akses baru."), RefusalKind.Unauthenticated).ToProblem();
                }

                return await http.RequestServices.GetRequiredService<ApiRateLimiter>().AcquireAsync(caller.Client.ClientId, http, http.RequestAborted) ?? await next(context);
            })
            .AddEndpointFilter(Idempotency.FilterAsync);
        api.MapGet("/", ListDivisionsAsync).RequireAuthorization(ApiScopes.AnyPolicy).WithName("DaftarDivisi").WithSummary("Divisi yang diberikan kepada klien ini");
        WageReportApi.Map(api);
        ContributionsApi.Map(api);
        api.MapGet("/{divisi}/laporan/{periode}/{slug}.{format}", ReportAsync).RequireAuthorization(ApiScopes.Policy(ApiScopes.Reports)).WithName("Laporan")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv").WithSummary("Laporan periode (pdf, xlsx atau csv)");
        WorkersApi.Map(api.MapGroup("/{divisi}/tenaga-kerja").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ApiFields.MaxBodyBytes)));
    }

    /// <summary>
    /// Client credentials only. OpenIddict has checked the client id, the secret (against its hash) and that every
    /// scope asked for is permitted; Sipp then refuses a revoked or expired client and issues a token for the scopes
    /// asked for (all it was granted when none are).
    /// </summary>
    private static async Task<IResult> IssueTokenAsync(HttpContext context, SippDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Bukan permintaan token OpenIddict.");
        if (!request.IsClientCredentialsGrantType())
        {
            return Deny(OpenIddictConstants.Errors.UnsupportedGrantType, "Hanya grant_type=client_credentials yang didukung.");
        }

        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        if (client is null || !client.IsUsableAt(clock.GetUtcNow().UtcDateTime))
        {
            return Deny(OpenIddictConstants.Errors.InvalidClient, "Klien API ini sudah dicabut atau kedaluwarsa.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId).SetClaim(Claims.Name, client.Name);
        var requested = request.GetScopes();
        identity.SetScopes(requested.IsEmpty ? client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : requested);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Deny(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>Each report of a period in each format (pdf, xlsx, csv), as "Laporan" gives it, audited as the client.</summary>
    private static async Task<IResult> ReportAsync(
        string divisi, string periode, string slug, string format, HttpContext context, ApiCaller caller, Reports.PeriodReports reports, SippDbContext db,
        Infrastructure.Audit.AuditLog audit, TimeProvider clock, CancellationToken cancellationToken) =>
        await caller.DivisionAsync(divisi, cancellationToken) is { } division
            ? await Reports.DownloadReport.ReportsApi.SendAsync(division.AsCompany(caller.Client), periode, slug, format, context, reports, db, audit, clock, cancellationToken)
            : WorkersApi.NoDivision();

    private static async Task<IResult> ListDivisionsAsync(ApiCaller caller, CancellationToken cancellationToken) =>
        TypedResults.Ok((await caller.DivisionsAsync(cancellationToken)).Select(d => new { divisi = d.Key, npp = d.Npp, kode = d.Code, nama = d.Name, perusahaan = d.CompanyName }));
}
