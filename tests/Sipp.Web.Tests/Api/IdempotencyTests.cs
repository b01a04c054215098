using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Issue 18, item 4: a payroll system that repeats a request with the same Idempotency-Key gets the first answer and
/// no second effect — also when 20 copies arrive at once; the same key with another body is refused.
/// </summary>
public class IdempotencyTests
{
    [Theory]
    [DatabaseData]
    public async Task ARepeatedRequest_AnswersTheFirstResult_TwentyAtOnceMakeOneWorker_AndAnotherBodyIsRefused(DatabaseProvider provider)
    {
        await using var factory = await SippWebFactory.CreateAsync(nameof(ARepeatedRequest_AnswersTheFirstResult_TwentyAtOnceMakeOneWorker_AndAnotherBodyIsRefused), provider, "Development",
            new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        var admin = factory.NewBrowser();
        await admin.ChooseCompanyAsync(await admin.SignInAsHrdAsync(), "10000001", "000");
        var api = await ApiClientAccessTests.ApiAsync(factory, admin, "Payroll Ulang", ["pekerja:baca", "pekerja:tulis"]);
        const string Workers = "/api/v1/divisi/10000001-000/tenaga-kerja";
        var kpj = await ActiveKpjAsync(factory);

        // A wage change sent twice under one key: one change, the same answer, marked as replayed.
        var first = await SendAsync(api, HttpMethod.Put, $"{Workers}/{kpj}/upah", "upah-maret-1", new { upah = 7_777_000, periodeMulai = "2026-03" });
        var again = await SendAsync(api, HttpMethod.Put, $"{Workers}/{kpj}/upah", "upah-maret-1", new { upah = 7_777_000, periodeMulai = "2026-03" });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((first.Status, first.Body), (again.Status, again.Body));
        Assert.True(again.Replayed);
        Assert.Equal(1, await AuditsAsync(factory, "tenagaKerja.ubahUpah"));
        var other = await SendAsync(api, HttpMethod.Put, $"{Workers}/{kpj}/upah", "upah-maret-1", new { upah = 8_000_000, periodeMulai = "2026-03" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.Status);
        Assert.Contains("sudah dipakai untuk permintaan lain", other.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(api, HttpMethod.Put, $"{Workers}/{kpj}/upah", new string('k', 101), new { upah = 1, periodeMulai = "2026-03" })).Status);

        // Twenty copies of one new participant at once: one is made, every copy answers what the first did.
        var newcomer = new Dictionary<string, object?>
        {
            ["nik"] = "3171015708850002", ["namaLengkap"] = "Siti Sekali", ["tempatLahir"] = "Jakarta", ["tanggalLahir"] = "1985-08-17", ["jenisKelamin"] = "Perempuan",
            ["namaIbuKandung"] = "Sumarni", ["kewarganegaraan"] = "WNI", ["statusKawin"] = "Kawin", ["alamat"] = "Jl. Mawar No. 1, Jakarta Selatan", ["kodePos"] = "12730",
            ["statusPegawai"] = "PKWTT", ["tanggalMulaiKerja"] = "2026-03-02", ["tanggalMulaiKepesertaan"] = "2026-03-02", ["upah"] = 5_500_000,
        };
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(api, HttpMethod.Post, Workers, "siti-sekali", newcomer)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(19, answers.Count(a => a.Replayed));
        Assert.Equal(1, await PeopleNamedAsync(factory, "Siti Sekali"));
    }

    private sealed record Answer(HttpStatusCode Status, string Body, bool Replayed);

    private static async Task<Answer> SendAsync(HttpClient api, HttpMethod method, string url, string key, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await api.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // The trace id of the first answer is kept with it: a replay is byte for byte the first answer.
        return new Answer(response.StatusCode, text, response.Headers.Contains("Idempotency-Replayed"));
    }

    private static async Task<string> ActiveKpjAsync(SippWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
            .Where(e => e.Division.Company.Npp == "10000001" && e.Division.Code == "000" && e.Status == EmploymentStatus.Aktif && e.Participant.Kpj != null)
            .OrderBy(e => e.Participant.Kpj).Select(e => e.Participant.Kpj!).FirstAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> AuditsAsync(SippWebFactory factory, string action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().AuditEvents.CountAsync(a => a.Action == action && a.ActorName!.Contains("(API"), TestContext.Current.CancellationToken);
    }

    private static async Task<int> PeopleNamedAsync(SippWebFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Participants.CountAsync(p => p.FullName == name, TestContext.Current.CancellationToken);
    }
}
