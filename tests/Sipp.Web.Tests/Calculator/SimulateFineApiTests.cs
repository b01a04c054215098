using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Calculator;

public class SimulateFineApiTests(SimulateFineApiTests.Fixture fixture) : IClassFixture<SimulateFineApiTests.Fixture>
{
    private const string Url = "/api/v1/iuran/denda/simulasi";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task WorkedExample5_AnswersExactlyTheContract()
    {
        var response = await PostJsonAsync("""{ "periode": "2026-01", "totalIuran": 10000000, "tanggalBayar": "2026-03-20" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "jatuhTempo": "2026-02-16", "bulanTerlambat": 2, "denda": 400000 }"""), actual), actual?.ToJsonString());
    }

    [Fact]
    public async Task ADueDateInAYearWithoutItsHolidayList_SaysItMayStillMove()
    {
        var response = await PostJsonAsync("""{ "periode": "2026-12", "totalIuran": 10000000, "tanggalBayar": "2027-01-10" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("2027-01-15", body["jatuhTempo"]!.GetValue<string>());
        Assert.Contains("Daftar libur nasional tahun 2027 belum ditetapkan", body["peringatan"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGoodFridayDueDate_IsMoved_SoPayingOnItIsInTime()
    {
        var response = await PostJsonAsync("""{ "periode": "2022-03", "totalIuran": 10000000, "tanggalBayar": "2022-04-18" }""");

        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "jatuhTempo": "2022-04-18", "bulanTerlambat": 0, "denda": 0 }"""), actual), actual?.ToJsonString());
    }

    [Theory]
    [InlineData("2026-02-16", 0, 0)]
    [InlineData("2026-02-17", 1, 200000)]
    [InlineData("2026-07-01", 5, 1000000)]
    public async Task Fine_GrowsByTwoPercentPerMonthLate(string paidOn, int months, long fine)
    {
        var response = await PostJsonAsync($$"""{ "periode": "2026-01", "totalIuran": 10000000, "tanggalBayar": "{{paidOn}}" }""");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(months, body["bulanTerlambat"]!.GetValue<int>());
        Assert.Equal(fine, body["denda"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{ "periode": "2026-01", "totalIuran": 10000000 """, "$", "bukan JSON yang valid")]
    [InlineData("""{ "periode": "2021-01", "totalIuran": 10000000, "tanggalBayar": "2026-03-20" }""", "periode", "tidak didukung")]
    [InlineData("""{ "periode": "2026-01", "totalIuran": "10000000", "tanggalBayar": "2026-03-20" }""", "totalIuran", "Total Iuran harus berupa bilangan bulat.")]
    [InlineData("""{ "periode": "2026-01", "totalIuran": 0, "tanggalBayar": "2026-03-20" }""", "totalIuran", "Total iuran harus antara")]
    [InlineData("""{ "periode": "2026-01", "totalIuran": -1, "tanggalBayar": "2026-03-20" }""", "totalIuran", "Total iuran harus antara")]
    [InlineData("""{ "periode": "2026-01", "totalIuran": 10000000, "tanggalBayar": "20/03/2026" }""", "tanggalBayar", "YYYY-MM-DD")]
    [InlineData("""{ "periode": "2026-01", "totalIuran": 10000000, "tanggalBayar": "2025-12-31" }""", "tanggalBayar", "tidak boleh sebelum periode")]
    [InlineData("""{ "periode": "2026-01", "totalIuran": 10000000 }""", "tanggalBayar", "Tanggal Bayar wajib diisi.")]
    [InlineData("""{ "periode": "9999-12", "totalIuran": 10000000, "tanggalBayar": "2026-03-20" }""", "periode", "Tahun pada periode harus antara 1900 dan 2099.")]
    [InlineData("""{ "periode": "2026-01", "totalIuran": 10000000, "tanggalBayar": "9999-12-31" }""", "tanggalBayar", "Tanggal Bayar harus antara tahun 1900 dan 2099.")]
    public async Task BadInput_Answers400ProblemDetails_KeyedByTheOffendingField(string body, string field, string message)
    {
        await SimulateContributionApiTests.AssertProblemAsync(await PostJsonAsync(body), field, message);
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _client.PostAsync(Url, content, TestContext.Current.CancellationToken);
    }

    public sealed class Fixture : WebFixture;
}
