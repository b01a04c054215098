using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Api.ClientAccess;

/// <summary>"Akses API": the clients that may use this division, a new one (its secret shown once), revoking one.</summary>
[Authorize(Policy = Policies.CompanyAdmin)]
public sealed class IndexModel(
    SippDbContext db, CurrentCompany currentCompany, DivisionAccess access, ApiClientAdministration administration, Webhooks.WebhookSubscriptions webhooks, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ClientRow> Clients { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Label)> Grantable { get; private set; } = [];

    [BindProperty]
    public string? Nama { get; set; }

    [BindProperty]
    public List<string> Izin { get; set; } = [];

    [BindProperty]
    public List<Guid> Divisi { get; set; } = [];

    [BindProperty]
    public string? BerlakuSampai { get; set; }

    /// <summary>The client just made, with its secret: shown in this answer only, never again.</summary>
    public CreatedApiClient? Created { get; private set; }

    public ClientRow? ConfirmingRevocation { get; private set; }

    public IReadOnlyList<Data.Api.WebhookSubscription> Subscriptions { get; private set; } = [];

    public IReadOnlyList<Webhooks.WebhookDelivery> Deliveries { get; private set; } = [];

    /// <summary>The webhook just made, with its signing secret: shown in this answer only.</summary>
    public Webhooks.CreatedWebhook? CreatedWebhook { get; private set; }

    [BindProperty]
    public Guid? Klien { get; set; }

    [BindProperty]
    public string? WebhookUrl { get; set; }

    [BindProperty]
    public List<string> Peristiwa { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        BerlakuSampai ??= Sipp.Domain.Periods.TypedDate.Format(clock.JakartaToday().AddYears(1));
        Divisi = Divisi.Count > 0 ? Divisi : [company.DivisionId];
        await LoadAsync(company, cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        var result = await administration.CreateAsync(company, new NewApiClient(Nama, Izin, Divisi, BerlakuSampai), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            refusal.AddTo(ModelState, new Dictionary<string, string>
            {
                [ApiClientAdministration.NameField] = nameof(Nama), [ApiClientAdministration.ScopesField] = nameof(Izin),
                [ApiClientAdministration.DivisionsField] = nameof(Divisi), [ApiClientAdministration.ExpiresField] = nameof(BerlakuSampai),
            });
        }
        else
        {
            Created = result.Value;
            (Nama, Izin) = (null, []);
        }

        await LoadAsync(company, cancellationToken);
        return Page();
    }

    /// <summary>"Cabut" first shows what it does; acts on <paramref name="konfirmasi"/> "ya".</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? konfirmasi, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        if (konfirmasi != "ya")
        {
            await LoadAsync(company, cancellationToken);
            ConfirmingRevocation = Clients.FirstOrDefault(c => c.Id == id && c.RevokedAt is null);
            return ConfirmingRevocation is null ? NotFound() : Page();
        }

        return Told(await administration.RevokeAsync(company, id, cancellationToken));
    }

    public async Task<IActionResult> OnPostWebhookAsync(CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        if (Klien is not { } id || await webhooks.ClientInDivisionAsync(id, cancellationToken) is not { } client)
        {
            ModelState.AddModelError(nameof(Klien), Sipp.Domain.Wording.Of("Pilih klien API yang aktif di divisi ini."));
        }
        else
        {
            var result = await webhooks.CreateAsync(client, company.DivisionId, WebhookUrl, Peristiwa, cancellationToken);
            if (result.Refusal is { } refusal)
            {
                refusal.AddTo(ModelState, new Dictionary<string, string>
                {
                    [Webhooks.WebhookSubscriptions.UrlField] = nameof(WebhookUrl), [Webhooks.WebhookSubscriptions.EventsField] = nameof(Peristiwa),
                });
            }
            else
            {
                CreatedWebhook = result.Value;
                (WebhookUrl, Peristiwa) = (null, []);
            }
        }

        await LoadAsync(company, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostWebhookTestAsync(Guid klien, Guid id, CancellationToken cancellationToken) =>
        OnWebhookAsync(klien, (client, division) => webhooks.SendTestAsync(client, division, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostWebhookDeleteAsync(Guid klien, Guid id, CancellationToken cancellationToken) =>
        OnWebhookAsync(klien, (client, division) => webhooks.DeleteAsync(client, division, id, cancellationToken), cancellationToken);

    private async Task<IActionResult> OnWebhookAsync(Guid clientId, Func<Data.Api.ApiClient, Guid, Task<Result<string>>> act, CancellationToken cancellationToken)
    {
        var company = await currentCompany.RequireAsync(cancellationToken);
        if (await webhooks.ClientInDivisionAsync(clientId, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        return Told(await act(client, company.DivisionId));
    }

    /// <summary>The page again with what an action did or why it did not; 404 for something not in this division.</summary>
    private IActionResult Told(Result<string> result)
    {
        if (result.Refusal is { Kind: RefusalKind.NotFound })
        {
            return NotFound();
        }

        Message = result.Refusal?.Message ?? result.Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CompanyContext company, CancellationToken cancellationToken)
    {
        var clients = await db.ApiClientDivisions.AsNoTracking().Select(d => d.ApiClient)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Name, c.ClientId, c.Scopes, c.CreatedByName, c.CreatedAt, c.ExpiresAt, c.RevokedAt, c.LastUsedAt })
            .ToListAsync(cancellationToken);
        var ids = clients.Select(c => c.Id).ToList();
        var divisions = await db.ApiClientDivisions.AcrossDivisions().Where(d => ids.Contains(d.ApiClientId))
            .Join(db.Divisions, d => d.DivisionId, v => v.Id, (d, v) => new { d.ApiClientId, v.Code, v.Name })
            .ToListAsync(cancellationToken);
        Clients = clients.Select(c => new ClientRow(
            c.Id, c.Name, c.ClientId, c.Scopes.Split(' '), divisions.Where(d => d.ApiClientId == c.Id).Select(d => $"{d.Code} — {d.Name}").Order().ToList(),
            c.CreatedByName, c.CreatedAt, c.ExpiresAt, c.RevokedAt, c.LastUsedAt)).ToList();
        Subscriptions = await webhooks.ListAsync(Clients.Where(c => c.StateAt(Now) == ClientRow.States[0]).Select(c => c.Id).ToList(), cancellationToken);
        Deliveries = await webhooks.LogAsync(Subscriptions.Select(w => w.Id).ToList(), cancellationToken);
        Grantable = (await access.AdministeredBy(company).OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, $"{d.Code} — {d.Name}")).ToList();
    }
}

public sealed record ClientRow(
    Guid Id, string Name, string ClientId, IReadOnlyList<string> Scopes, IReadOnlyList<string> Divisions, string CreatedBy, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? RevokedAt, DateTime? LastUsedAt)
{
    /// <summary>The states a client is shown in.</summary>
    public static readonly IReadOnlyList<string> States = ["Aktif", "Dicabut", "Kedaluwarsa"];

    public string StateAt(DateTime now) => RevokedAt is not null ? States[1] : ExpiresAt <= now ? States[2] : States[0];
}
