using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Features.Api;
using Sipp.Web.Features.Api.ClientAccess;
using Sipp.Web.Features.Api.Webhooks;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// Part of the development seed (Development only, <c>Database:SeedDemoApiClient</c>): an API client of PT Maju
/// Bersama's head office with every scope and known credentials, and its webhook to the payroll sample's receiver, so
/// that <c>samples/payroll</c> runs against <c>dotnet run</c> at once. Its secrets are published in the README: never
/// seeded outside Development.
/// </summary>
public sealed class DemoApiClientSeed(SippDbContext db, ApiClientAdministration clients, WebhookSubscriptions webhooks, TimeProvider clock)
{
    public const string ClientId = "sipp-demo-penggajian";
    public const string ClientSecret = "demo-rahasia-penggajian-2026";
    public const string WebhookUrl = "http://127.0.0.1:5081/sipp/webhook";
    public const string WebhookSecret = "whsec_demo-rahasia-webhook-2026";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (await db.ApiClients.AnyAsync(c => c.ClientId == ClientId, cancellationToken))
        {
            return;
        }

        // The seed builds the demo company's access: it reads the HR user's membership across divisions.
        var admin = await db.Memberships.AcrossDivisions()
            .Where(m => m.User.Email == DevelopmentSeed.CompanyUserEmail && m.Division.Company.Npp == "10000001" && m.Division.Code == "000" && m.Role == MembershipRole.Admin)
            .Select(m => new CompanyContext(m.UserId, m.DivisionId, m.Division.Code, m.Division.Name, m.Division.CompanyId, m.Division.Company.Npp, m.Division.Company.Name, m.Role))
            .SingleAsync(cancellationToken);
        db.ScopeTo(admin.DivisionId);
        var created = await clients.AddAsync(
            admin, "Contoh Aplikasi Penggajian", ApiScopes.All.Select(s => s.Scope).ToList(), [admin.DivisionId], clock.GetUtcNow().UtcDateTime.AddYears(ApiClientAdministration.MaxYears),
            ClientId, ClientSecret, cancellationToken);
        var client = await db.ApiClients.SingleAsync(c => c.Id == created.Id, cancellationToken);
        await webhooks.AddAsync(client, admin.DivisionId, WebhookUrl, WebhookEvents.All.Select(e => e.Type).ToList(), WebhookSecret, cancellationToken);
    }
}
