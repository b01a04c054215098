using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Issue 18, item 3 ("Lapor Upah"): the payroll sends its whole list for March; Sipp answers what it means — unchanged
/// rows, wage changes (old and new), people not enrolled, active workers missing from the payroll, refused rows under
/// the API's field names — and changes nothing until asked to apply, which it then does all or none.
/// </summary>
public class WageReportApiTests
{
    [Theory]
    [DatabaseData]
    public async Task ThePayrollsList_IsReconciled_AsADryRun_ThenAppliedAllOrNone(DatabaseProvider provider)
    {
        await using var factory = await SippWebFactory.CreateAsync(nameof(ThePayrollsList_IsReconciled_AsADryRun_ThenAppliedAllOrNone), provider, "Development",
            new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        var admin = factory.NewBrowser();
        await admin.ChooseCompanyAsync(await admin.SignInAsHrdAsync(), "10000001", "000");
        var api = await ApiClientAccessTests.ApiAsync(factory, admin, "Payroll Maret", ["pekerja:baca", "pekerja:tulis"]);

        var active = (await api.GetFromJsonAsync<JsonElement>("/api/v1/divisi/10000001-000/tenaga-kerja?status=aktif&jumlah=1000", ct)).GetProperty("data").EnumerateArray()
            .Select(w => (Kpj: w.GetProperty("kpj").GetString()!, Name: w.GetProperty("nama").GetString()!, Upah: w.GetProperty("upah").GetInt64())).ToList();
        Assert.True(active.Count >= 8, $"{active.Count} active workers");
        var (raised, kept, missing) = (active.Take(3).ToList(), active.Skip(3).SkipLast(2).ToList(), active.TakeLast(2).ToList());
        var lines = new List<Dictionary<string, object?>>();
        lines.AddRange(raised.Select(w => Line(w.Kpj, w.Upah + 100_000)));
        lines.AddRange(kept.Select(w => Line(w.Kpj, w.Upah)));
        lines.Add(new() { ["kpj"] = "99999999999", ["upah"] = 5_000_000, ["mulai"] = "2026-03-09" }); // a joiner not enrolled yet
        lines.Add(new() { ["upah"] = 5_000_000 });                                                     // names nobody
        lines.Add(Line(kept[0].Kpj, "lima juta"));                                                      // a wage that is no number (and the worker twice)
        const string Report = "/api/v1/divisi/10000001-000/laporan-upah/2026-03";

        var dryRun = await api.PutAsJsonAsync(Report, new { baris = lines }, ct);
        var answer = await dryRun.Content.ReadFromJsonAsync<JsonElement>(ct);
        ApiExampleShape.AssertMatches("LaporUpah", answer);
        Assert.True(dryRun.IsSuccessStatusCode, answer.ToString());
        Assert.Equal(kept.Count, answer.GetProperty("tidakBerubah").GetInt32());
        Assert.Equal(raised.Select(w => (w.Kpj, w.Upah, w.Upah + 100_000)).Order(),
            answer.GetProperty("perubahanUpah").EnumerateArray().Select(c => (c.GetProperty("kpj").GetString()!, c.GetProperty("upahLama").GetInt64(), c.GetProperty("upahBaru").GetInt64())).Order());
        Assert.Equal(["99999999999"], answer.GetProperty("belumTerdaftar").EnumerateArray().Select(l => l.GetProperty("kpj").GetString()));
        Assert.Equal(missing.Select(w => w.Name).Order(), answer.GetProperty("tidakAdaDiPenggajian").EnumerateArray().Select(a => a.GetProperty("nama").GetString()!).Order());
        var refused = answer.GetProperty("ditolak").EnumerateArray().ToDictionary(r => r.GetProperty("baris").GetInt32(), r => r.GetProperty("errors"));
        Assert.Equal([lines.Count - 1, lines.Count], refused.Keys.Order());
        Assert.True(refused[lines.Count - 1].TryGetProperty("kpj", out _), refused[lines.Count - 1].ToString());
        Assert.True(refused[lines.Count].TryGetProperty("upah", out _), refused[lines.Count].ToString());
        Assert.False(answer.GetProperty("diterapkan").GetBoolean());
        Assert.Equal(0, await MarchChangesAsync(factory));

        // Applying with refused rows changes nothing; without them, every change at once, audited as coming from the report.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PutAsJsonAsync(Report + "?terapkan=true", new { baris = lines }, ct)).StatusCode);
        Assert.Equal(0, await MarchChangesAsync(factory));
        var clean = lines.Take(raised.Count + kept.Count + 1).ToList();
        var applied = await (await api.PutAsJsonAsync(Report + "?terapkan=true", new { baris = clean }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(applied.GetProperty("diterapkan").GetBoolean(), applied.ToString());
        Assert.Equal(raised.Count, await MarchChangesAsync(factory));
        Assert.Equal(raised.Count, await ReportAuditsAsync(factory));

        // Sent again, the same list changes nothing more.
        var again = await (await api.PutAsJsonAsync(Report, new { baris = clean }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(raised.Count + kept.Count, again.GetProperty("tidakBerubah").GetInt32());
        Assert.Empty(again.GetProperty("perubahanUpah").EnumerateArray());
    }

    private static Dictionary<string, object?> Line(string kpj, object upah) => new() { ["kpj"] = kpj, ["upah"] = upah };

    private static async Task<int> MarchChangesAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var march = Period.Of(2026, 3);
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().WageChanges
            .CountAsync(w => w.EffectiveFrom == march && w.Employment.Division.Company.Npp == "10000001" && w.Employment.Division.Code == "000", TestContext.Current.CancellationToken);
    }

    private static async Task<int> ReportAuditsAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents
            .CountAsync(a => a.Action == "tenagaKerja.ubahUpah" && a.After!.Contains("laporanUpah") && a.ActorName!.Contains("Payroll Maret (API"), TestContext.Current.CancellationToken);
    }
}
