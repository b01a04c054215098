using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Messaging;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Issue 18, item 5: an Admin subscribes a client's URL to events on "Akses API"; each event is delivered from the outbox
/// over real HTTP, signed with HMAC-SHA256 over the timestamp and the body, retried with a growing back-off until the
/// receiver answers 2xx, given up when its client is revoked, and shown in the page's delivery log — on each database.
/// </summary>
public class WebhookTests
{
    private const string February = "/api/v1/divisi/10000001-000/iuran/2026-02";

    [Theory]
    [DatabaseData]
    public async Task ABillIssued_IsDeliveredSigned_RetriedAfterAFailure_AndLogged(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = await CreateAsync(nameof(ABillIssued_IsDeliveredSigned_RetriedAfterAFailure_AndLogged), provider);
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAsync(factory, "10000001");
        var api = await ApiClientAccessTests.ApiAsync(factory, admin, "Payroll Webhook", ["iuran:kelola"]);
        var secret = await SubscribeAsync(admin, factory, "Payroll Webhook", receiver.Url, ["tagihan.terbit"]);

        // The secret is shown once: not on the page again, and stored only encrypted.
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, (await HtmlPage.GetAsync(admin, "/pengguna/akses-api")).Body!.TextContent, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.DoesNotContain(secret, (await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().WebhookSubscriptions.SingleAsync(ct)).ProtectedSecret, StringComparison.Ordinal);
        }

        // The receiver is down when the bill is issued: the delivery waits with its error and is not sent again before its time.
        receiver.Answer = HttpStatusCode.InternalServerError;
        Assert.True((await api.PostAsync(February + "/hitung", null, ct)).IsSuccessStatusCode);
        var final = await (await api.PostAsJsonAsync(February + "/finalisasi", new { channel = "BNI_VA" }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var bill = final.GetProperty("tagihan");
        Assert.Equal(0, await DispatchAsync(factory));
        Assert.Single(receiver.Received);
        var waiting = LogRow(await HtmlPage.GetAsync(admin, "/pengguna/akses-api"));
        Assert.Contains("Menunggu", waiting.TextContent, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", waiting.TextContent, StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await DispatchAsync(factory));
        Assert.Single(receiver.Received);

        // Ten seconds after the failure it is tried again, and delivered.
        receiver.Answer = HttpStatusCode.NoContent;
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await DispatchAsync(factory));
        Assert.Equal(2, receiver.Received.Count);
        var (failed, delivered) = (receiver.Received.First(), receiver.Received.Last());

        // Each attempt is signed over its own timestamp (now, to the second) and the body; the delivery keeps its id.
        Assert.Equal(failed.Headers["Sipp-Webhook-Id"], delivered.Headers["Sipp-Webhook-Id"]);
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), delivered.Headers["Sipp-Webhook-Timestamp"]);
        Assert.NotEqual(failed.Headers["Sipp-Webhook-Timestamp"], delivered.Headers["Sipp-Webhook-Timestamp"]);
        foreach (var delivery in receiver.Received)
        {
            Assert.Equal(Signature(secret, delivery.Headers["Sipp-Webhook-Timestamp"], delivery.Body), delivery.Headers["Sipp-Webhook-Signature"]);
        }

        // A replay with a new timestamp cannot be signed without the secret: the old signature does not cover it.
        Assert.NotEqual(Signature(secret, failed.Headers["Sipp-Webhook-Timestamp"], delivered.Body), delivered.Headers["Sipp-Webhook-Signature"]);

        // The body: the event, the division and the bill as the API answers it.
        using var body = JsonDocument.Parse(delivered.Body);
        Assert.Equal("tagihan.terbit", body.RootElement.GetProperty("jenis").GetString());
        Assert.Equal("tagihan.terbit", delivered.Headers["Sipp-Webhook-Event"]);
        Assert.Equal("10000001-000", body.RootElement.GetProperty("divisi").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(bill.GetProperty("kodeIuran").GetString(), data.GetProperty("kodeIuran").GetString());
        Assert.Equal(bill.GetProperty("total").GetInt64(), data.GetProperty("total").GetInt64());
        Assert.Equal(bill.GetProperty("jatuhTempo").GetString(), data.GetProperty("jatuhTempo").GetString());

        var sent = LogRow(await HtmlPage.GetAsync(admin, "/pengguna/akses-api"));
        Assert.Contains("Terkirim", sent.TextContent, StringComparison.Ordinal);
        Assert.True(await ApiClientAccessTests.AuditedAsync(factory, "webhook.buat"));
    }

    [Fact]
    public async Task KirimUji_SendsOneTestAtATime_OnlyToItsOwnCompany_AndARevokedClientsDeliveriesAreGivenUp()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = await CreateAsync(nameof(KirimUji_SendsOneTestAtATime_OnlyToItsOwnCompany_AndARevokedClientsDeliveriesAreGivenUp), DatabaseProvider.Sqlite,
            new() { ["Notifications:Webhooks:MaxAttempts"] = "3" });
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAsync(factory, "10000001");
        await ApiClientAccessTests.ApiAsync(factory, admin, "Payroll Uji", ["pekerja:baca"]);
        var secret = await SubscribeAsync(admin, factory, "Payroll Uji", receiver.Url, ["tenagaKerja.disetujui"]);
        var (clientId, hookId) = await SubscriptionAsync(factory, "Payroll Uji");
        var target = new Dictionary<string, string> { ["klien"] = clientId.ToString(), ["id"] = hookId.ToString() };

        // Another company's Admin cannot test or delete it, with its ids.
        var sinar = await AdminAsync(factory, "10000002");
        Assert.Equal(HttpStatusCode.NotFound, (await ApiClientAccessTests.PostAsync(sinar, "WebhookTest", new(target))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiClientAccessTests.PostAsync(sinar, "WebhookDelete", new(target))).StatusCode);
        Assert.Equal(0, await QueuedAsync(factory));

        // "Kirim Uji": one test event; a second while the first waits is refused.
        await ApiClientAccessTests.PostAsync(admin, "WebhookTest", new(target));
        var again = await HtmlPage.ParseAsync(await ApiClientAccessTests.PostAsync(admin, "WebhookTest", new(target)));
        Assert.Contains("masih menunggu", again.GetElementById("pesan-akses-api")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DispatchAsync(factory));
        var test = Assert.Single(receiver.Received);
        Assert.Equal("uji", JsonDocument.Parse(test.Body).RootElement.GetProperty("jenis").GetString());
        Assert.Equal(Signature(secret, test.Headers["Sipp-Webhook-Timestamp"], test.Body), test.Headers["Sipp-Webhook-Signature"]);

        // A receiver that keeps failing: tried after 10 s and 20 s, then given up ("Gagal") at the third attempt.
        receiver.Answer = HttpStatusCode.BadGateway;
        await ApiClientAccessTests.PostAsync(admin, "WebhookTest", new(target));
        foreach (var wait in new[] { 0, 10, 20 })
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(wait));
            Assert.Equal(0, await DispatchAsync(factory));
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(2)); // past the next back-off (40 s), had there been one
        await DispatchAsync(factory);
        Assert.Equal(4, receiver.Received.Count);
        var givenUp = LogRow(await HtmlPage.GetAsync(admin, "/pengguna/akses-api"));
        Assert.Contains("Gagal", givenUp.TextContent, StringComparison.Ordinal);
        Assert.Contains("HTTP 502", givenUp.TextContent, StringComparison.Ordinal);

        // Revoking the client stops what it still had waiting, without another request to its URL.
        receiver.Answer = HttpStatusCode.OK;
        await ApiClientAccessTests.PostAsync(admin, "WebhookTest", new(target));
        await ApiClientAccessTests.PostAsync(admin, "Revoke", new() { ["id"] = clientId.ToString(), ["konfirmasi"] = "ya" });
        await DispatchAsync(factory);
        Assert.Equal(4, receiver.Received.Count);
        await using var scope = factory.Services.CreateAsyncScope();
        var last = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OutboxMessages.OrderByDescending(m => m.Id).FirstAsync(ct);
        Assert.Null(last.NextAttemptAt);
        Assert.Null(last.SentAt);
        Assert.Contains("dicabut", last.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEvent_ReachesTheSubscriptionsThatAskedForIt_InItsDivisionOnly()
    {
        await using var factory = await CreateAsync(nameof(EveryEvent_ReachesTheSubscriptionsThatAskedForIt_InItsDivisionOnly), DatabaseProvider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAsync(factory, "10000001");
        var all = new[] { "tagihan.terbit", "tagihan.dibayar", "tagihan.terlambat", "tenagaKerja.disetujui", "tenagaKerja.ditolak", "upload.diperiksa" };
        var api = await ApiClientAccessTests.ApiAsync(factory, admin, "Payroll Semua", ["pekerja:baca", "pekerja:tulis", "iuran:kelola"]);
        await SubscribeAsync(admin, factory, "Payroll Semua", "http://127.0.0.1:9/semua", all);
        await SubscribeAsync(admin, factory, "Payroll Semua", "http://127.0.0.1:9/tagihan", ["tagihan.dibayar"]);

        // A client of the Surabaya division, subscribed to everything, hears nothing of Jakarta's.
        await admin.ChooseCompanyAsync(await HtmlPage.GetAsync(admin, "/pilih-perusahaan"), "10000001", "001");
        await ApiClientAccessTests.ApiAsync(factory, admin, "Payroll Surabaya", ["pekerja:baca", "pekerja:tulis", "iuran:kelola"], "001");
        await SubscribeAsync(admin, factory, "Payroll Surabaya", "http://127.0.0.1:9/surabaya", all);

        // A client may only ask for the events its scopes cover.
        var (_, readOnly) = await ApiClientAccessTests.CreateClientAsync(admin, "Hanya Baca", ["pekerja:baca"], ["001"], "01/03/2027");
        var refused = await HtmlPage.ParseAsync(await ApiClientAccessTests.PostAsync(admin, "Webhook", new()
        {
            ["Klien"] = (await ApiClientAccessTests.ClientIdAsync(factory, "Hanya Baca")).ToString(), ["WebhookUrl"] = "http://127.0.0.1:9/x", ["Peristiwa"] = "tagihan.terbit",
        }));
        Assert.Contains("iuran:kelola", refused.GetElementById("ringkasan-galat")!.TextContent, StringComparison.Ordinal);

        var approved = await NewcomerAsync(factory, api, "3171015708850012", "Rina Webhook");
        var rejected = await NewcomerAsync(factory, api, "3171015708850013", "Tono Webhook");

        // Issued and late: finalise February, then let its due date pass.
        Assert.True((await api.PostAsync(February + "/hitung", null, ct)).IsSuccessStatusCode);
        var bill = (await (await api.PostAsJsonAsync(February + "/finalisasi", new { channel = "BNI_VA" }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("tagihan");
        var kode = bill.GetProperty("kodeIuran").GetString()!;
        factory.Clock.Advance(TimeSpan.FromDays(20));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The host's morning job may mark it first on the moved clock: either way the bill is announced once.
            await scope.ServiceProvider.GetRequiredService<Sipp.Web.Features.Contributions.RemindUnpaidBills.UnpaidBillNotices>().MarkLateAsync(ct);
        }

        // Paid: the bank's signed notice.
        var notice = JsonSerializer.SerializeToUtf8Bytes(new { kodeIuran = kode, jumlah = bill.GetProperty("total").GetInt64(), tanggalBayar = "2026-03-20", referensi = "REF-WEBHOOK-1" });
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pembayaran/notifikasi") { Content = new ByteArrayContent(notice) })
        {
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("X-Sipp-Signature", Convert.ToHexStringLower(HMACSHA256.HashData("rahasia-pengembangan-bni"u8, notice)));
            using var paid = await factory.CreateClient().SendAsync(request, ct);
            Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync(ct));
        }

        // Approved and rejected: two newcomers added through the API, decided by an officer.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var verification = scope.ServiceProvider.GetRequiredService<Sipp.Web.Features.BackOffice.VerifyWorkers.WorkerVerification>();
            Assert.Null((await verification.ApproveAsync(approved, ct)).Refusal);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var verification = scope.ServiceProvider.GetRequiredService<Sipp.Web.Features.BackOffice.VerifyWorkers.WorkerVerification>();
            Assert.Null((await verification.RejectAsync(rejected, "NIK tidak sesuai KTP", ct)).Refusal);
        }

        // Upload checked: a batch whose file is gone is refused by the check, and says so.
        var batch = await WaitingUploadAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Sipp.Web.Features.Workers.Uploads.UploadChecker>().CheckAsync(batch, ct);
        }

        var events = await EventsAsync(factory);
        Assert.Equal(all.Order(), events.Where(e => e.Url.EndsWith("/semua", StringComparison.Ordinal)).Select(e => e.Type).Order());
        Assert.Equal(["tagihan.dibayar"], events.Where(e => e.Url.EndsWith("/tagihan", StringComparison.Ordinal)).Select(e => e.Type));
        Assert.DoesNotContain(events, e => e.Url.EndsWith("/surabaya", StringComparison.Ordinal));
        var data = events.Where(e => e.Url.EndsWith("/semua", StringComparison.Ordinal)).ToDictionary(e => e.Type, e => e.Body.GetProperty("data"));
        foreach (var (_, type, body) in events)
        {
            ApiExampleShape.AssertMatches("webhook:" + type, body); // as the OpenAPI document's webhooks show them
        }

        Assert.Equal(kode, data["tagihan.terlambat"].GetProperty("kodeIuran").GetString());
        Assert.Equal("Lunas", data["tagihan.dibayar"].GetProperty("status").GetString());
        Assert.Equal("Rina Webhook", data["tenagaKerja.disetujui"].GetProperty("nama").GetString());
        Assert.Matches(@"^26\d{9}$", data["tenagaKerja.disetujui"].GetProperty("kpj").GetString());
        Assert.Equal("NIK tidak sesuai KTP", data["tenagaKerja.ditolak"].GetProperty("alasan").GetString());
        Assert.Equal("Ditolak", data["upload.diperiksa"].GetProperty("status").GetString());
        Assert.Contains("tidak ditemukan", data["upload.diperiksa"].GetProperty("alasan").GetString(), StringComparison.Ordinal);
        Assert.All(data.Values, d => Assert.DoesNotContain("3171015708850012", d.GetRawText(), StringComparison.Ordinal)); // no NIK leaves in an event
    }

    [Fact]
    public async Task OutsideDevelopment_AWebhookCannotBePointedAtPrivateAddresses_NotEvenByAResolvedName()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = await CreateAsync(nameof(OutsideDevelopment_AWebhookCannotBePointedAtPrivateAddresses_NotEvenByAResolvedName), DatabaseProvider.Sqlite,
            new() { ["Notifications:Webhooks:AllowLocal"] = "false" });
        var admin = await AdminAsync(factory, "10000001");
        await ApiClientAccessTests.ApiAsync(factory, admin, "Payroll Privat", ["pekerja:baca"]);
        var client = (await ApiClientAccessTests.ClientIdAsync(factory, "Payroll Privat")).ToString();
        foreach (var (url, reason) in new[]
        {
            (receiver.Url, "https://"), ("https://127.0.0.1/hook", "jaringan privat"), ("https://10.1.2.3/hook", "jaringan privat"), ("https://[::1]/hook", "jaringan privat"),
            ("https://localhost/hook", "jaringan privat"), ("https://user:pw@penggajian.example/hook", "tanpa nama pengguna"),
        })
        {
            var refused = await HtmlPage.ParseAsync(await ApiClientAccessTests.PostAsync(admin, "Webhook", new() { ["Klien"] = client, ["WebhookUrl"] = url, ["Peristiwa"] = "tenagaKerja.disetujui" }));
            Assert.Contains(reason, refused.GetElementById("ringkasan-galat")?.TextContent ?? refused.Body!.TextContent[..300], StringComparison.Ordinal);
        }

        // A subscription whose name later resolves to a private address (as if its DNS changed) is refused at connect time.
        await SubscribeAsync(admin, factory, "Payroll Privat", "https://penggajian.example/hook", ["tenagaKerja.disetujui"]);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            var hook = await db.WebhookSubscriptions.SingleAsync(TestContext.Current.CancellationToken);
            hook.Url = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var (clientId, hookId) = await SubscriptionAsync(factory, "Payroll Privat");
        await ApiClientAccessTests.PostAsync(admin, "WebhookTest", new() { ["klien"] = clientId.ToString(), ["id"] = hookId.ToString() });
        Assert.Equal(0, await DispatchAsync(factory));
        Assert.Empty(receiver.Received);
        Assert.Contains("jaringan privat", LogRow(await HtmlPage.GetAsync(admin, "/pengguna/akses-api")).TextContent, StringComparison.Ordinal);
    }

    /// <summary>What a receiver computes: "v1=" and the hex HMAC-SHA256 of "{timestamp}.{body}" with the secret.</summary>
    private static string Signature(string secret, string timestamp, string body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private static Task<SippWebFactory> CreateAsync(string name, DatabaseProvider provider, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false", ["Notifications:DispatchInBackground"] = "false", ["Notifications:Webhooks:AllowLocal"] = "true",
            ["RateLimits:Login:PermitLimit"] = "100000", ["RateLimits:Otp:PermitLimit"] = "100000", ["RateLimits:LoginPerAccount:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return SippWebFactory.CreateAsync(name, provider, "Development", settings);
    }

    private static async Task<HttpClient> AdminAsync(SippWebFactory factory, string npp)
    {
        var admin = factory.NewBrowser();
        await admin.ChooseCompanyAsync(await admin.SignInAsHrdAsync(), npp, "000");
        return admin;
    }

    /// <summary>Subscribes the named client on "Akses API"; returns the secret the page shows once.</summary>
    private static async Task<string> SubscribeAsync(HttpClient admin, SippWebFactory factory, string client, string url, string[] events)
    {
        var form = await HtmlPage.GetAsync(admin, "/pengguna/akses-api");
        var values = new List<KeyValuePair<string, string>>
        {
            new("Klien", (await ApiClientAccessTests.ClientIdAsync(factory, client)).ToString()), new("WebhookUrl", url),
            new("__RequestVerificationToken", form.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!),
        };
        values.AddRange(events.Select(e => new KeyValuePair<string, string>("Peristiwa", e)));
        var created = await HtmlPage.ParseAsync(await admin.PostAsync("/pengguna/akses-api?handler=Webhook", new FormUrlEncodedContent(values), TestContext.Current.CancellationToken));
        return created.GetElementById("webhook-secret")?.TextContent
            ?? throw new InvalidOperationException(created.GetElementById("ringkasan-galat")?.TextContent ?? created.Body!.TextContent[..300]);
    }

    private static async Task<(Guid Client, Guid Subscription)> SubscriptionAsync(SippWebFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var hook = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().WebhookSubscriptions.Where(s => s.ApiClient.Name == name).SingleAsync(TestContext.Current.CancellationToken);
        return (hook.ApiClientId, hook.Id);
    }

    private static async Task<int> DispatchAsync(SippWebFactory factory) =>
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);

    private static async Task<int> QueuedAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OutboxMessages.CountAsync(m => m.Channel == MessageChannel.Webhook, TestContext.Current.CancellationToken);
    }

    private static async Task<List<(string Url, string Type, JsonElement Body)>> EventsAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var messages = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OutboxMessages.Where(m => m.Channel == MessageChannel.Webhook).OrderBy(m => m.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
        return messages.Select(m => (m.To, m.Subject!, JsonDocument.Parse(m.Body).RootElement.Clone())).ToList();
    }

    private static async Task<Guid> NewcomerAsync(SippWebFactory factory, HttpClient api, string nik, string name)
    {
        // The OpenAPI document's example of a new participant, as another person.
        var newcomer = Sipp.Web.Features.Api.ApiExamples.Request("TambahTenagaKerja")!.AsObject();
        (newcomer["nik"], newcomer["namaLengkap"]) = (nik, name);
        newcomer.Remove("nomorPegawai");
        using var added = await api.PostAsJsonAsync("/api/v1/divisi/10000001-000/tenaga-kerja", newcomer, TestContext.Current.CancellationToken);
        var body = await added.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(added.StatusCode == HttpStatusCode.Created, body.ToString());
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments.Where(e => e.Participant.FullName == name).Select(e => e.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>An upload waiting for its check whose stored file has gone.</summary>
    private static async Task<Guid> WaitingUploadAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var batch = new Sipp.Data.Uploads.UploadBatch
        {
            Id = Guid.NewGuid(), DivisionId = await ApiClientAccessTests.DivisionIdAsync(factory, "10000001", "000"), Kind = Sipp.Data.Uploads.UploadKind.Baru,
            FileName = "data_tk_baru.xlsx", State = Sipp.Data.Uploads.UploadState.Diperiksa, UploadedAt = factory.Clock.GetUtcNow().UtcDateTime,
            UploadedByUserId = await db.Users.Where(u => u.Email == DevelopmentSeed.CompanyUserEmail).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken),
        };
        db.UploadBatches.Add(batch);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return batch.Id;
    }

    private static IElement LogRow(IDocument page) => page.QuerySelector("#log-webhook tbody tr") ?? throw new InvalidOperationException("Log Pengiriman kosong: " + page.Body!.TextContent[..Math.Min(2000, page.Body.TextContent.Length)]);
}
