using System.Security.Claims;
using System.Text.Json;
using Sipp.Data;
using Sipp.Data.Audit;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Infrastructure.Audit;

/// <summary>Appends audit events (actor, company, UTC time, IP, action, entity, before/after); the caller saves.</summary>
public sealed class AuditLog(SippDbContext db, IHttpContextAccessor http, CurrentCompany currentCompany, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>"Nama (Biro X) atas nama PT Y" for bureau staff acting through a grant; the person's name otherwise.</summary>
    public static string ActingName(string name, CompanyContext? company) =>
        company?.BureauName is { } bureau ? $"{name} ({Sipp.Data.Bureaus.Bureau.Label(bureau)}) atas nama {company.CompanyName}" : name;

    private string? ActorOf(ClaimsPrincipal? user) => user?.DisplayName() is { } name ? ActingName(name, currentCompany.Loaded) : null;

    public void Record(
        string action,
        string? entityType = null,
        string? entityId = null,
        Guid? divisionId = null,
        object? before = null,
        object? after = null,
        Guid? actorUserId = null,
        string? actorName = null)
    {
        var user = http.HttpContext?.User;
        var signedInId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId ?? (Guid.TryParse(signedInId, out var id) ? id : null),
            ActorName = actorName ?? ActorOf(user),
            DivisionId = divisionId,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
    }
}
