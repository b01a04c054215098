using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Api;
using Sipp.Data.Messaging;
using Sipp.Domain;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Api.Webhooks;

/// <summary>A subscription just made: its signing secret, shown once.</summary>
public sealed record CreatedWebhook(Guid Id, string Url, string Secret);

/// <summary>One delivery as its log shows it.</summary>
public sealed record WebhookDelivery(long Id, Guid SubscriptionId, string Event, string Url, DateTime CreatedAt, DateTime? SentAt, int Attempts, DateTime? NextAttemptAt, string? LastError)
{
    /// <summary>The states a delivery is shown in.</summary>
    public static readonly IReadOnlyList<string> States = ["Terkirim", "Menunggu", "Gagal"];

    public string State => SentAt is not null ? States[0] : NextAttemptAt is not null ? States[1] : States[2];
}

/// <summary>
/// A client's webhook subscriptions, made and deleted by the company Admin on "Akses API" or by the client itself
/// through the API: a URL (https and public outside Development), the events it receives (those its scopes cover), and
/// a secret shown once. "Kirim Uji" queues a test event. The caller has already found the client in its division.
/// </summary>
public sealed class WebhookSubscriptions(
    SippDbContext db, WebhookEvents events, IDataProtectionProvider protection, IOptions<NotificationOptions> options,
    AuditLog audit, TimeProvider clock)
{
    public const string UrlField = "url";
    public const string EventsField = "peristiwa";
    public const int MaxPerClient = 5;

    /// <summary>How many deliveries the log shows.</summary>
    public const int LogSize = 50;

    public async Task<Result<CreatedWebhook>> CreateAsync(ApiClient client, Guid divisionId, string? url, IReadOnlyList<string> wanted, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (CheckUrl(url?.Trim()) is { } badUrl)
        {
            errors[UrlField] = [badUrl];
        }

        var scopes = client.Scopes.Split(' ');
        var types = wanted.Distinct(StringComparer.Ordinal).ToList();
        if (types.Count == 0 || !types.All(t => WebhookEvents.All.Any(e => e.Type == t && scopes.Contains(e.Scope))))
        {
            errors[EventsField] = [Wording.Of("Pilih sedikitnya satu peristiwa yang diizinkan untuk klien ini (tagihan perlu izin iuran:kelola, tenaga kerja pekerja:baca, upload pekerja:tulis).")];
        }

        if (await db.WebhookSubscriptions.CountAsync(s => s.ApiClientId == client.Id, cancellationToken) >= MaxPerClient)
        {
            errors[UrlField] = [Wording.Of($"Satu klien paling banyak {MaxPerClient} webhook. Hapus yang tidak dipakai.")];
        }

        if (errors.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, errors);
        }

        return await AddAsync(client, divisionId, url!.Trim(), types, "whsec_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)), cancellationToken);
    }

    /// <summary>Writes a checked subscription, its secret encrypted, audited.</summary>
    internal async Task<CreatedWebhook> AddAsync(ApiClient client, Guid divisionId, string url, IReadOnlyList<string> types, string secret, CancellationToken cancellationToken)
    {
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(), ApiClientId = client.Id, Url = url, Events = string.Join(' ', types), CreatedAt = clock.GetUtcNow().UtcDateTime,
            ProtectedSecret = WebhookSender.SecretProtection(protection).Protect(secret),
        };
        db.WebhookSubscriptions.Add(subscription);
        audit.Record("webhook.buat", "Webhook", subscription.Id.ToString(), divisionId, after: new { klien = client.ClientId, url = subscription.Url, peristiwa = subscription.Events });
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedWebhook(subscription.Id, subscription.Url, secret);
    }

    public async Task<Result<string>> DeleteAsync(ApiClient client, Guid divisionId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId && s.ApiClientId == client.Id, cancellationToken);
        if (subscription is null)
        {
            return NotFound;
        }

        db.WebhookSubscriptions.Remove(subscription); // its waiting deliveries lose it and are given up
        audit.Record("webhook.hapus", "Webhook", subscription.Id.ToString(), divisionId, before: new { klien = client.ClientId, url = subscription.Url });
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of("Webhook dihapus. Pengiriman yang masih menunggu tidak dikirim.");
    }

    /// <summary>"Kirim Uji": one test event, unless one is still waiting (a test is not a way to flood a receiver).</summary>
    public async Task<Result<string>> SendTestAsync(ApiClient client, Guid divisionId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriptionId && s.ApiClientId == client.Id, cancellationToken);
        if (subscription is null)
        {
            return NotFound;
        }

        if (await db.OutboxMessages.AnyAsync(m => m.WebhookSubscriptionId == subscriptionId && m.Subject == WebhookEvents.Test && m.SentAt == null && m.NextAttemptAt != null, cancellationToken))
        {
            return Refusal.Of(Wording.Of("Uji sebelumnya masih menunggu dikirim. Lihat hasilnya di Log Pengiriman."), RefusalKind.Conflict);
        }

        await events.TestAsync(subscription, divisionId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Wording.Of("Uji webhook dikirim dalam beberapa detik. Hasilnya tampil di Log Pengiriman.");
    }

    /// <summary>A usable client granted the division the context is scoped to; null for any other.</summary>
    public async Task<ApiClient?> ClientInDivisionAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ApiClientDivisions.AsNoTracking().Where(d => d.ApiClientId == clientId).Select(d => d.ApiClient)
            .SingleOrDefaultAsync(c => c.RevokedAt == null && c.ExpiresAt > now, cancellationToken);
    }

    public Task<List<WebhookSubscription>> ListAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.AsNoTracking().Where(s => clientIds.Contains(s.ApiClientId)).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The latest deliveries to the given subscriptions, newest first.</summary>
    public Task<List<WebhookDelivery>> LogAsync(IReadOnlyCollection<Guid> subscriptionIds, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Channel == MessageChannel.Webhook && m.WebhookSubscriptionId != null && subscriptionIds.Contains(m.WebhookSubscriptionId.Value))
            .OrderByDescending(m => m.Id).Take(LogSize)
            .Select(m => new WebhookDelivery(m.Id, m.WebhookSubscriptionId!.Value, m.Subject!, m.To, m.CreatedAt, m.SentAt, m.Attempts, m.NextAttemptAt, m.LastError))
            .ToListAsync(cancellationToken);

    private static Refusal NotFound => Refusal.Of(Wording.Of("Webhook tidak ditemukan untuk klien ini."), RefusalKind.NotFound);

    private string? CheckUrl(string? url)
    {
        var local = options.Value.Webhooks.AllowLocal;
        if (string.IsNullOrEmpty(url) || url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(local && uri.Scheme == Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return local
                ? Wording.Of("URL webhook harus alamat lengkap http:// atau https://, paling panjang 500 karakter, tanpa nama pengguna.")
                : Wording.Of("URL webhook harus alamat lengkap https://, paling panjang 500 karakter, tanpa nama pengguna.");
        }

        return !local && (uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.DnsSafeHost, out var address) && !WebhookSender.IsPublic(address)))
            ? Wording.Of("URL webhook tidak boleh menunjuk ke jaringan privat atau localhost.")
            : null;
    }
}
