using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;
using Sipp.Data.Messaging;
using Sipp.Data.Uploads;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Data;

/// <summary>The nightly clean-up removes what is no longer needed, and only that.</summary>
public class HousekeepingTests
{
    [Theory]
    [DatabaseData]
    public async Task SentMessages_ExpiredCodes_AndFinishedUploadsRows_AreRemoved_WhatIsStillNeededStays(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await SippWebFactory.CreateAsync(nameof(SentMessages_ExpiredCodes_AndFinishedUploadsRows_AreRemoved_WhatIsStillNeededStays), provider,
            "Development", new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" });
        _ = factory.Server;
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var divisionId = await factory.DivisionAsync("10000001", "000");
        var (oldBatch, waitingBatch) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            db.OutboxMessages.AddRange(
                Message("lama-terkirim", now.AddDays(-40), sentAt: now.AddDays(-40)),
                Message("baru-terkirim", now.AddDays(-2), sentAt: now.AddDays(-2)),
                Message("lama-gagal", now.AddDays(-40), sentAt: null));
            db.OneTimeCodes.AddRange(Code(now.AddDays(-3)), Code(now.AddMinutes(5)));
            db.AuditEvents.Add(new Sipp.Data.Audit.AuditEvent { OccurredAt = now.AddDays(-400), DivisionId = divisionId, Action = "uji.lama" });
            db.UploadBatches.AddRange(Batch(oldBatch, divisionId, UploadState.Diimpor, now.AddDays(-45)), Batch(waitingBatch, divisionId, UploadState.SiapImpor, now.AddDays(-45)));
            db.UploadRowErrors.AddRange(
                new UploadRowError { BatchId = oldBatch, RowNumber = 2, Messages = "NIK: salah" },
                new UploadRowError { BatchId = waitingBatch, RowNumber = 2, Messages = "NIK: salah" });
            await db.SaveChangesAsync(ct);
        }

        Housekeeping.Removed removed;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            removed = await scope.ServiceProvider.GetRequiredService<Housekeeping>().RunAsync(ct);
        }

        Assert.Equal((1, 1, 1), (removed.Messages, removed.Codes, removed.UploadRows));
        await using var check = factory.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<ObserverDbContext>();
        Assert.Equal(["baru-terkirim", "lama-gagal"], await after.OutboxMessages.Where(m => m.To.Contains("terkirim") || m.To.Contains("gagal")).OrderBy(m => m.To).Select(m => m.To).ToListAsync(ct));
        Assert.Equal(1, await after.OneTimeCodes.CountAsync(c => c.ExpiresAt > now, ct));
        Assert.Equal([waitingBatch], await after.UploadRowErrors.Select(e => e.BatchId).ToListAsync(ct));
        Assert.Equal(2, await after.UploadBatches.CountAsync(b => b.Id == oldBatch || b.Id == waitingBatch, ct)); // the batches themselves stay
        Assert.True(await after.AuditEvents.AnyAsync(a => a.Action == "uji.lama", ct)); // the audit trail is kept, however old

        static OutboxMessage Message(string to, DateTime createdAt, DateTime? sentAt) =>
            new() { Channel = MessageChannel.Email, To = to, Body = "uji", CreatedAt = createdAt, SentAt = sentAt, Attempts = sentAt is null ? 8 : 1 };

        OneTimeCode Code(DateTime expiresAt) => new()
        {
            Id = Guid.NewGuid(), Purpose = OtpPurpose.Login, SubjectId = Guid.NewGuid(), ChallengeId = Guid.NewGuid(), CodeHash = "x",
            CreatedAt = expiresAt.AddMinutes(-5), ExpiresAt = expiresAt,
        };

        static UploadBatch Batch(Guid id, Guid division, UploadState state, DateTime uploadedAt) => new()
        {
            Id = id, DivisionId = division, Kind = UploadKind.Upah, FileName = "uji.csv", Format = UploadFormat.Csv, State = state, UploadedAt = uploadedAt,
            CheckedAt = uploadedAt, ImportedAt = state == UploadState.Diimpor ? uploadedAt : null, UploadedByUserId = Guid.NewGuid(),
        };
    }

    [Theory]
    [DatabaseData]
    public async Task AuditMonthsPastTheOnlineWindow_MoveToTheArchive_WholeAndOnce_AndOnlyAnAdministratorDownloadsThem(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await SippWebFactory.CreateAsync(nameof(AuditMonthsPastTheOnlineWindow_MoveToTheArchive_WholeAndOnce_AndOnlyAnAdministratorDownloadsThem), provider,
            "Development", new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false", ["Retention:AuditOnlineMonths"] = "2" });
        _ = factory.Server;
        var (first, second) = (await factory.DivisionAsync("10000001", "000"), await factory.DivisionAsync("10000002", "000"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The clock is 2 March 2026: two whole months online means January 2026 onwards.
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            db.AuditEvents.AddRange(
                Event("uji.november-1", new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc), first),
                Event("uji.november-2", new DateTime(2025, 11, 30, 23, 59, 59, DateTimeKind.Utc), second),
                Event("uji.november-3", new DateTime(2025, 11, 15, 8, 0, 0, DateTimeKind.Utc), null),
                Event("uji.desember", new DateTime(2025, 12, 31, 16, 59, 0, DateTimeKind.Utc), first),
                Event("uji.januari", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), first));
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(4, await RunAsync());
        Assert.Equal(0, await RunAsync()); // once moved, never again

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            Assert.Equal(["uji.januari"], await db.AuditEvents.Where(a => a.Action.StartsWith("uji.")).Select(a => a.Action).ToListAsync(ct));
            var archives = await db.AuditArchives.OrderBy(a => a.Month).ToListAsync(ct);
            Assert.Equal([("2025-11", 1, 3), ("2025-12", 1, 1)], archives.Select(a => (a.Month, a.Part, a.EventCount)));
            Assert.All(archives, a => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a.Content)), a.Sha256));
        }

        var hrd = factory.CreateClient();
        await hrd.SignInAsHrdAsync();
        Assert.NotEqual(System.Net.HttpStatusCode.OK, await hrd.StatusOfAsync("/admin/arsip-audit/2025-11.jsonl.gz"));

        var administrator = factory.CreateClient();
        await administrator.SignInAsync(DevelopmentSeed.AdministratorEmail, DevelopmentSeed.AdministratorPassword, phone: null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, await administrator.StatusOfAsync("/admin/arsip-audit/2026-01.jsonl.gz"));
        using var download = await administrator.GetAsync("/admin/arsip-audit/2025-11.jsonl.gz", ct);
        Assert.Equal("application/gzip", download.Content.Headers.ContentType?.MediaType);
        var events = Sipp.Web.Infrastructure.Audit.AuditArchiveFormat.Read(await download.Content.ReadAsStreamAsync(ct)).ToList();
        Assert.Equal(["uji.november-1", "uji.november-3", "uji.november-2"], events.OrderBy(e => e.OccurredAt).Select(e => e.Action));
        Assert.Equal(second, events.Single(e => e.Action == "uji.november-2").DivisionId);
        Assert.Equal("{\"upah\":5000000}", events.Single(e => e.Action == "uji.november-1").After);

        async Task<int> RunAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<Housekeeping>().RunAsync(ct)).AuditEventsArchived;
        }

        static Sipp.Data.Audit.AuditEvent Event(string action, DateTime at, Guid? division) =>
            new() { Action = action, OccurredAt = at, DivisionId = division, EntityType = "TenagaKerja", EntityId = "uji", After = "{\"upah\":5000000}" };
    }
}
