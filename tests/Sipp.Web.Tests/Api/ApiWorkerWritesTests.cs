using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Issue 18, item 3 (workers): a payroll system adds a worker who has a KPJ and one who does not, changes a wage and
/// deactivates — through the same handlers as the pages, so with the same rules, the same neutral answer on a KPJ that
/// does not match, messages under the API's field names, and an audit trail naming the client and its creator.
/// </summary>
public class ApiWorkerWritesTests
{
    [Theory]
    [DatabaseData]
    public async Task APayrollSystem_AddsChangesAndDeactivatesWorkers_UnderThePagesRules_AuditedAsTheClient(DatabaseProvider provider)
    {
        await using var factory = await SippWebFactory.CreateAsync(nameof(APayrollSystem_AddsChangesAndDeactivatesWorkers_UnderThePagesRules_AuditedAsTheClient), provider, "Development",
            new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" });
        var admin = factory.NewBrowser();
        await admin.ChooseCompanyAsync(await admin.SignInAsHrdAsync(), "10000001", "000");
        var api = await ClientAsync(factory, admin, ["pekerja:baca", "pekerja:tulis"]);
        var ct = TestContext.Current.CancellationToken;
        const string Workers = "/api/v1/divisi/10000001-000/tenaga-kerja";

        // A person who already has a KPJ (a worker of the Surabaya branch) joins the head office: active at once.
        var person = await PersonOfAsync(factory, "10000001", "001");
        var joining = new Dictionary<string, object?>
        {
            ["kpj"] = person.Kpj, ["nik"] = person.Nik, ["tanggalLahir"] = person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["statusPegawai"] = "PKWTT",
            ["tanggalMulaiKerja"] = "2026-03-01", ["tanggalMulaiKepesertaan"] = "2026-03-01", ["upah"] = 6_000_000, ["nomorPegawai"] = "API-1",
        };
        using (var added = await api.PostAsJsonAsync(Workers, joining, ct))
        {
            var body = await added.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.True(added.StatusCode == HttpStatusCode.Created, body.ToString());
            Assert.Equal("aktif", body.GetProperty("tenagaKerja").GetProperty("status").GetString());
            Assert.Equal($"{Workers}/{person.Kpj}", added.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync(Workers, joining, ct)).StatusCode);

        // A KPJ whose birth date does not match and one that does not exist read the same: nothing is revealed.
        var wrongBirth = await ProblemAsync(await api.PostAsJsonAsync(Workers, new Dictionary<string, object?>(joining) { ["tanggalLahir"] = "1970-01-01", ["nomorPegawai"] = null }, ct), HttpStatusCode.UnprocessableEntity);
        var noSuchKpj = await ProblemAsync(await api.PostAsJsonAsync(Workers, new Dictionary<string, object?>(joining) { ["kpj"] = "99999999999", ["nomorPegawai"] = null }, ct), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(wrongBirth, noSuchKpj);

        // A new participant waits for verification; a broken one is refused field by field under the API's names.
        var newcomer = new Dictionary<string, object?>
        {
            ["nik"] = "3171015708850002", ["namaLengkap"] = "Siti Api", ["tempatLahir"] = "Jakarta", ["tanggalLahir"] = "1985-08-17", ["jenisKelamin"] = "Perempuan",
            ["namaIbuKandung"] = "Sumarni", ["kewarganegaraan"] = "WNI", ["statusKawin"] = "Kawin", ["alamat"] = "Jl. Mawar No. 1, Jakarta Selatan", ["kodePos"] = "12730",
            ["statusPegawai"] = "PKWT", ["tanggalMulaiKerja"] = "2026-03-02", ["tanggalAkhirKontrak"] = "2026-12-31",
            ["tanggalMulaiKepesertaan"] = "2026-03-02", ["upah"] = 5_500_000,
        };
        using (var added = await api.PostAsJsonAsync(Workers, newcomer, ct))
        {
            var body = await added.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.True(added.StatusCode == HttpStatusCode.Created, body.ToString());
            ApiExampleShape.AssertMatches("TambahTenagaKerja", body);
            Assert.Equal("menunggu-verifikasi", body.GetProperty("tenagaKerja").GetProperty("status").GetString());
        }

        var broken = await ErrorsAsync(await api.PostAsJsonAsync(Workers, new Dictionary<string, object?>(newcomer) { ["nik"] = "3171015708850003", ["upah"] = "lima juta", ["namaLengkap"] = null, ["gaji"] = 1 }, ct));
        Assert.Contains("gaji", broken.Keys);
        broken = await ErrorsAsync(await api.PostAsJsonAsync(Workers, new Dictionary<string, object?>(newcomer) { ["nik"] = "3171015708850003", ["upah"] = "lima juta", ["namaLengkap"] = null }, ct));
        Assert.Contains("upah", broken.Keys);
        Assert.Contains("namaLengkap", broken.Keys);

        // A wage change, audited as the client and the person who made it.
        using (var changed = await api.PutAsJsonAsync($"{Workers}/{person.Kpj}/upah", new { upah = 6_250_000, periodeMulai = "2026-03" }, ct))
        {
            Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync(ct));
            var body = await changed.Content.ReadFromJsonAsync<JsonElement>(ct);
            ApiExampleShape.AssertMatches("UbahUpah", body);
            Assert.Equal(6_250_000, body.GetProperty("tenagaKerja").GetProperty("upah").GetInt64());
        }

        var (actorId, actorName) = await LastAuditAsync(factory, "tenagaKerja.ubahUpah");
        Assert.Equal(await HrUserIdAsync(factory), actorId);
        Assert.Equal("Payroll Tulis (API, dibuat oleh " + await HrNameAsync(factory) + ")", actorName);

        // Deactivating by Nomor Pegawai; another company's worker named in this division is not found.
        using (var left = await api.PostAsJsonAsync($"{Workers}/api-1/non-aktif", new { tanggalNonAktif = "2026-03-31", alasan = "MengundurkanDiri" }, ct))
        {
            Assert.True(left.IsSuccessStatusCode, await left.Content.ReadAsStringAsync(ct));
            var body = await left.Content.ReadFromJsonAsync<JsonElement>(ct);
            ApiExampleShape.AssertMatches("NonAktifkanTenagaKerja", body);
            Assert.Equal("non-aktif", body.GetProperty("tenagaKerja").GetProperty("status").GetString());
        }

        var stranger = await PersonOfAsync(factory, "10000002", "000");
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"{Workers}/{stranger.Kpj}/upah", new { upah = 9_000_000, periodeMulai = "2026-03" }, ct)).StatusCode);

        // Reading is not writing.
        var reader = await ClientAsync(factory, admin, ["pekerja:baca"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync(Workers, newcomer, ct)).StatusCode);
    }

    private static Task<HttpClient> ClientAsync(SippWebFactory factory, HttpClient admin, string[] scopes) =>
        ApiClientAccessTests.ApiAsync(factory, admin, scopes.Length > 1 ? "Payroll Tulis" : "Payroll Baca", scopes);

    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == status, JsonSerializer.Serialize(problem));
            problem!.Remove("traceId");
            return JsonSerializer.Serialize(problem);
        }
    }

    private static async Task<Dictionary<string, JsonElement>> ErrorsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem.ToString());
            return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        }
    }

    private sealed record Person(string Kpj, string Nik, DateOnly BirthDate);

    private static async Task<Person> PersonOfAsync(SippWebFactory factory, string npp, string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
            .Where(e => e.Division.Company.Npp == npp && e.Division.Code == code && e.Status == EmploymentStatus.Aktif && e.Participant.Kpj != null && e.Participant.Nik != null)
            .OrderBy(e => e.Participant.Kpj)
            .Select(e => new Person(e.Participant.Kpj!, e.Participant.Nik!, e.Participant.BirthDate)).FirstAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<(Guid?, string?)> LastAuditAsync(SippWebFactory factory, string action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.Where(a => a.Action == action)
            .OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        return (audit.ActorUserId, audit.ActorName);
    }

    private static async Task<Guid> HrUserIdAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Users.Where(u => u.Email == DevelopmentSeed.CompanyUserEmail).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<string> HrNameAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Users.Where(u => u.Email == DevelopmentSeed.CompanyUserEmail).Select(u => u.FullName).SingleAsync(TestContext.Current.CancellationToken);
    }
}
