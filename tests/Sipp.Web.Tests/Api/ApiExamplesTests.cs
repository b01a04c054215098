using System.Net.Http.Json;
using System.Text.Json;
using Sipp.Web.Features.Api;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Issue 18, item 6: the OpenAPI document's example requests are accepted by the API as they stand (its example answers
/// are compared with the real ones by each endpoint's test through <see cref="ApiExampleShape"/>).
/// </summary>
public class ApiExamplesTests
{
    [Fact]
    public async Task EveryExampleRequest_IsAcceptedAsItStands()
    {
        await using var factory = await SippWebFactory.CreateAsync(nameof(EveryExampleRequest_IsAcceptedAsItStands), DatabaseProvider.Sqlite, "Development",
            new Dictionary<string, string?> { ["Database:Seed"] = "true", ["Database:SeedPaidMonth"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        var admin = factory.NewBrowser();
        await admin.ChooseCompanyAsync(await admin.SignInAsHrdAsync(), "10000001", "000");
        var api = await ApiClientAccessTests.ApiAsync(factory, admin, "Contoh", ["pekerja:baca", "pekerja:tulis", "iuran:kelola"]);
        const string Division = "/api/v1/divisi/10000001-000";

        var sent = new (string Operation, HttpMethod Method, string Path)[]
        {
            ("TambahTenagaKerja", HttpMethod.Post, $"{Division}/tenaga-kerja"),
            ("UbahUpah", HttpMethod.Put, $"{Division}/tenaga-kerja/{DevelopmentSeed.BudiKpj}/upah"),
            ("NonAktifkanTenagaKerja", HttpMethod.Post, $"{Division}/tenaga-kerja/{DevelopmentSeed.CompanyUserKpj}/non-aktif"),
            ("LaporUpah", HttpMethod.Put, $"{Division}/laporan-upah/2026-03"),
        };
        foreach (var (operation, method, path) in sent)
        {
            using var response = await api.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(ApiExamples.Request(operation)) }, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.True(response.IsSuccessStatusCode, $"{operation}: {(int)response.StatusCode} {body}");
            ApiExampleShape.AssertMatches(operation, body);
        }

        Assert.True((await api.PostAsync($"{Division}/iuran/2026-02/hitung", null, ct)).IsSuccessStatusCode);
        using var final = await api.PostAsJsonAsync($"{Division}/iuran/2026-02/finalisasi", ApiExamples.Request("FinalisasiIuran"), ct);
        Assert.True(final.IsSuccessStatusCode, await final.Content.ReadAsStringAsync(ct));
    }
}
