using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Calculator;

public class SimulateContributionApiTests(SimulateContributionApiTests.Fixture fixture) : IClassFixture<SimulateContributionApiTests.Fixture>
{
    private const string Url = "/api/v1/iuran/simulasi";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task WorkedExample1_AnswersExactlyTheContract()
    {
        var response = await PostJsonAsync("""
            { "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17",
              "kewarganegaraan": "WNI", "kelasRisiko": 1, "ikutJp": true, "padatKarya": false }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = JsonNode.Parse("""
            { "periode": "2026-03",
              "program": { "jht": {"pemberiKerja": 444000, "tenagaKerja": 240000},
                           "jkk": {"pemberiKerja": 28800, "tenagaKerja": 0},
                           "jkm": {"pemberiKerja": 36000, "tenagaKerja": 0},
                           "jp":  {"pemberiKerja": 221726, "tenagaKerja": 110863} },
              "totalPemberiKerja": 730526, "totalTenagaKerja": 350863, "total": 1081389,
              "jkp": { "dasarUpah": 5000000, "pemerintah": 11000, "rekomposisiJkk": 7000, "rekomposisiJkm": 0 } }
            """);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(JsonNode.DeepEquals(expected, actual), actual?.ToJsonString());
    }

    [Fact]
    public async Task OptionalFields_DefaultToWniClassIWithJpWithoutDiscount()
    {
        var response = await PostJsonAsync("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17" }""");

        var body = await ReadAsync(response);
        Assert.Equal(1081389, body["total"]!.GetValue<long>());
        Assert.Equal(28800, body["program"]!["jkk"]!["pemberiKerja"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{ "periode": "2026-01", "upah": 5000000, "tanggalLahir": "1990-01-01", "kelasRisiko": 2 }""", 477000L, 100000, 50000)]
    [InlineData("""{ "periode": "2026-01", "upah": 15000000, "tanggalLahir": "1990-01-01", "kelasRisiko": 2 }""", null, 210948, 105474)]
    [InlineData("""{ "periode": "2026-03", "upah": 5729876, "tanggalLahir": "1990-01-01" }""", null, 114598, 57299)]
    [InlineData("""{ "periode": "2026-03", "upah": 8000000, "tanggalLahir": "1990-01-01", "kewarganegaraan": "WNA" }""", null, 0, 0)]
    [InlineData("""{ "periode": "2026-03", "upah": 8000000, "tanggalLahir": "1990-01-01", "ikutJp": false }""", null, 0, 0)]
    [InlineData("""{ "periode": "2026-04", "upah": 8000000, "tanggalLahir": "1967-03-10" }""", null, 0, 0)]
    public async Task WorkedExamples_AndEachReasonJpIsNotDue(string request, long? total, long jpEmployer, long jpWorker)
    {
        var body = await ReadAsync(await PostJsonAsync(request));

        Assert.Equal(jpEmployer, body["program"]!["jp"]!["pemberiKerja"]!.GetValue<long>());
        Assert.Equal(jpWorker, body["program"]!["jp"]!["tenagaKerja"]!.GetValue<long>());
        if (total is not null)
        {
            Assert.Equal(total, body["total"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task LabourIntensiveDiscount_AppliesInsideTheWindow()
    {
        var body = await ReadAsync(await PostJsonAsync("""{ "periode": "2025-06", "upah": 10000000, "tanggalLahir": "1990-01-01", "kelasRisiko": 3, "padatKarya": true }"""));

        Assert.Equal(44500, body["program"]!["jkk"]!["pemberiKerja"]!.GetValue<long>());
    }

    [Theory]
    // malformed JSON and wrong shapes
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, """, "$", "bukan JSON yang valid")]
    [InlineData("""[1, 2, 3]""", "$", "objek JSON")]
    [InlineData("""  """, "$", "bukan JSON yang valid")]
    // wrong types
    [InlineData("""{ "periode": 202603, "upah": 12000000, "tanggalLahir": "1990-05-17" }""", "periode", "Periode harus berupa teks.")]
    [InlineData("""{ "periode": "9999-12", "upah": 12000000, "tanggalLahir": "1990-05-17" }""", "periode", "Tahun pada periode harus antara 1900 dan 2099.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "9999-12-31" }""", "tanggalLahir", "harus antara tahun 1900 dan 2099.")]
    [InlineData("""{ "periode": "2026-03", "upah": "12000000", "tanggalLahir": "1990-05-17" }""", "upah", "Upah harus berupa bilangan bulat.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000.5, "tanggalLahir": "1990-05-17" }""", "upah", "Upah harus berupa bilangan bulat.")]
    [InlineData("""{ "periode": "2026-03", "upah": 99999999999999999999, "tanggalLahir": "1990-05-17" }""", "upah", "Upah harus berupa bilangan bulat.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": 19900517 }""", "tanggalLahir", "Tanggal Lahir harus berupa teks.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "17-05-1990" }""", "tanggalLahir", "Tanggal Lahir harus tanggal berformat YYYY-MM-DD, misalnya 1990-05-17.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-02-30" }""", "tanggalLahir", "Tanggal Lahir harus tanggal berformat YYYY-MM-DD, misalnya 1990-05-17.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17", "kelasRisiko": "I" }""", "kelasRisiko", "Kelas risiko harus berupa bilangan bulat.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17", "ikutJp": "ya" }""", "ikutJp", "Ikut JP harus berupa true atau false.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17", "padatKarya": 1 }""", "padatKarya", "Padat karya harus berupa true atau false.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17", "kewarganegaraan": true }""", "kewarganegaraan", "Kewarganegaraan harus berupa teks.")]
    // out of range or unknown values
    [InlineData("""{ "periode": "2021-12", "upah": 12000000, "tanggalLahir": "1990-05-17" }""", "periode", "Periode sebelum 2022-01 tidak didukung.")]
    [InlineData("""{ "periode": "2026-13", "upah": 12000000, "tanggalLahir": "1990-05-17" }""", "periode", "Bulan pada periode harus antara 01 dan 12.")]
    [InlineData("""{ "periode": "Maret 2026", "upah": 12000000, "tanggalLahir": "1990-05-17" }""", "periode", "Periode harus berformat YYYY-MM, misalnya 2026-03.")]
    [InlineData("""{ "periode": "2026-03", "upah": 0, "tanggalLahir": "1990-05-17" }""", "upah", "Upah harus antara Rp 1 dan Rp 1.000.000.000.")]
    [InlineData("""{ "periode": "2026-03", "upah": -5000000, "tanggalLahir": "1990-05-17" }""", "upah", "Upah harus antara Rp 1 dan Rp 1.000.000.000.")]
    [InlineData("""{ "periode": "2026-03", "upah": 1000000001, "tanggalLahir": "1990-05-17" }""", "upah", "Upah harus antara Rp 1 dan Rp 1.000.000.000.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "2026-03-01" }""", "tanggalLahir", "Tanggal lahir harus sebelum periode iuran.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17", "kelasRisiko": 0 }""", "kelasRisiko", "Kelas risiko JKK harus 1 sampai 5 (kelas I–V).")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17", "kelasRisiko": 6 }""", "kelasRisiko", "Kelas risiko JKK harus 1 sampai 5 (kelas I–V).")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17", "kelasRisiko": 4294967297 }""", "kelasRisiko", "Kelas risiko JKK harus 1 sampai 5 (kelas I–V).")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000, "tanggalLahir": "1990-05-17", "kewarganegaraan": "ASING" }""", "kewarganegaraan", "Kewarganegaraan harus WNI atau WNA.")]
    // missing
    [InlineData("""{ "upah": 12000000, "tanggalLahir": "1990-05-17" }""", "periode", "Periode wajib diisi.")]
    [InlineData("""{ "periode": "2026-03", "tanggalLahir": "1990-05-17" }""", "upah", "Upah wajib diisi.")]
    [InlineData("""{ "periode": "2026-03", "upah": null, "tanggalLahir": "1990-05-17" }""", "upah", "Upah wajib diisi.")]
    [InlineData("""{ "periode": "2026-03", "upah": 12000000 }""", "tanggalLahir", "Tanggal Lahir wajib diisi.")]
    public async Task BadInput_Answers400ProblemDetails_KeyedByTheOffendingField(string body, string field, string message)
    {
        var response = await PostJsonAsync(body);

        await AssertProblemAsync(response, field, message);
    }

    [Fact]
    public async Task SeveralBadFields_AreAllReported_TypeAndRangeErrorsTogether()
    {
        var response = await PostJsonAsync("""{ "periode": "2021-03", "upah": "x", "tanggalLahir": "1990-05-17", "kelasRisiko": 9 }""");

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal(["kelasRisiko", "periode", "upah"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NotJson_IsRefusedWithAClearMessage()
    {
        using var content = new StringContent("periode=2026-03&upah=12000000", Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await _client.PostAsync(Url, content, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, "$", "Kirim data sebagai JSON (Content-Type: application/json).");
    }

    [Fact]
    public async Task AnOversizedBody_IsRefusedBeforeReadingIt()
    {
        var body = "{ \"periode\": \"2026-03\", \"padding\": \"" + new string('x', 10_000) + "\" }";

        var response = await PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ItIsPublic_AndNeedsNoAntiforgeryToken()
    {
        var response = await _client.PostAsJsonAsync(Url, new { periode = "2026-03", upah = 5_000_000, tanggalLahir = "1990-01-01" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, string field, string message)
    {
        var errors = await ProblemErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.Contains(errors[field], m => m.Contains(message, StringComparison.Ordinal));
    }

    internal static async Task<Dictionary<string, string[]>> ProblemErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _client.PostAsync(Url, content, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    public sealed class Fixture : WebFixture;
}
