using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Api;
using Sipp.Data.Contributions;
using Sipp.Data.Messaging;
using Sipp.Data.Uploads;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;

namespace Sipp.Web.Features.Api.Webhooks;

/// <summary>
/// Queues an event of a division for every subscription that wants it, of every usable client granted that division,
/// as outbox messages of the webhook channel: the caller's SaveChanges writes them with the change they announce, and
/// the outbox dispatcher delivers them with retries (ADR 0022). Each body is
/// <c>{"id", "jenis", "waktu", "divisi", "data"}</c>; <c>data</c> has the shape the API answers for the same thing.
/// </summary>
public sealed class WebhookEvents(SippDbContext db, TimeProvider clock)
{
    public const string BillIssued = "tagihan.terbit";
    public const string BillPaid = "tagihan.dibayar";
    public const string BillLate = "tagihan.terlambat";
    public const string WorkerApproved = "tenagaKerja.disetujui";
    public const string WorkerRejected = "tenagaKerja.ditolak";
    public const string UploadChecked = "upload.diperiksa";

    /// <summary>Sent by "Kirim Uji" to one subscription only.</summary>
    public const string Test = "uji";

    /// <summary>Each event a client may subscribe to, what the Admin is told it is, and the scope it needs.</summary>
    public static readonly IReadOnlyList<(string Type, string Label, string Scope)> All =
    [
        (BillIssued, "Tagihan terbit (Finalisasi)", ApiScopes.Contributions),
        (BillPaid, "Tagihan dibayar", ApiScopes.Contributions),
        (BillLate, "Tagihan terlambat", ApiScopes.Contributions),
        (WorkerApproved, "Tenaga kerja disetujui (KPJ terbit)", ApiScopes.ReadWorkers),
        (WorkerRejected, "Tenaga kerja ditolak", ApiScopes.ReadWorkers),
        (UploadChecked, "Upload selesai diperiksa", ApiScopes.WriteWorkers),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task BillAsync(string type, Bill bill, Period period, Guid divisionId, CancellationToken cancellationToken) =>
        QueueAsync(divisionId, type, ContributionsApi.BillJson(bill, period), cancellationToken);

    public Task WorkerAsync(string type, Employment employment, CancellationToken cancellationToken) =>
        QueueAsync(employment.DivisionId, type, new
        {
            kpj = employment.Participant.Kpj, nomorPegawai = employment.EmployeeNumber, nama = employment.Participant.FullName,
            status = employment.Status.ToString(), alasan = employment.RejectionReason,
        }, cancellationToken);

    public Task UploadAsync(UploadBatch batch, UploadState state, int rows, int refusedRows, string? refusal, CancellationToken cancellationToken) =>
        QueueAsync(batch.DivisionId, UploadChecked, new
        {
            id = batch.Id, jenis = batch.Kind.ToString(), namaFile = batch.FileName, status = state.ToString(), jumlahBaris = rows, barisDitolak = refusedRows, alasan = refusal,
        }, cancellationToken);

    /// <summary>The test event of "Kirim Uji", for one subscription.</summary>
    public async Task TestAsync(WebhookSubscription subscription, Guid divisionId, CancellationToken cancellationToken) =>
        Add(subscription, await BodyAsync(divisionId, Test, new { pesan = "Uji webhook dari Sipp. Tanda tangan dan alamat ini berfungsi." }, cancellationToken), Test);

    private async Task QueueAsync(Guid divisionId, string type, object data, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Events come from jobs and officers of any company: the subscriptions are found by the event's division.
        var subscriptions = (await db.WebhookSubscriptions.AsNoTracking().OfUsableClients(now)
                .Where(s => db.ApiClientDivisions.AcrossDivisions().Any(d => d.ApiClientId == s.ApiClientId && d.DivisionId == divisionId))
                .ToListAsync(cancellationToken))
            .Where(s => s.Receives(type)).ToList();
        if (subscriptions.Count == 0)
        {
            return;
        }

        var body = await BodyAsync(divisionId, type, data, cancellationToken);
        subscriptions.ForEach(s => Add(s, body, type));
    }

    private async Task<string> BodyAsync(Guid divisionId, string type, object data, CancellationToken cancellationToken)
    {
        var division = await db.Divisions.AsNoTracking().Where(d => d.Id == divisionId).Select(d => d.Company.Npp + "-" + d.Code).SingleAsync(cancellationToken);
        return JsonSerializer.Serialize(new { id = Guid.CreateVersion7(), jenis = type, waktu = clock.GetUtcNow().UtcDateTime, divisi = division, data }, Json);
    }

    private void Add(WebhookSubscription subscription, string body, string type)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = MessageChannel.Webhook, To = subscription.Url, Subject = type, Body = body, CreatedAt = now, NextAttemptAt = now,
            WebhookSubscriptionId = subscription.Id,
        });
    }
}
