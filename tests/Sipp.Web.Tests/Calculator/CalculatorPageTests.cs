using System.Net;
using AngleSharp.Dom;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Calculator;

public class CalculatorPageTests(CalculatorPageTests.Fixture fixture) : IClassFixture<CalculatorPageTests.Fixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task EveryField_HasARealLabel_TiedToItsControl()
    {
        var page = await HtmlPage.GetAsync(_client, "/kalkulator");

        Assert.Equal("Kalkulator Iuran", page.QuerySelector("h1")!.TextContent.Trim());
        foreach (var label in new[] { "Periode", "Upah", "Tanggal Lahir", "Kewarganegaraan", "Kelas Risiko", "Ikut JP", "Padat Karya" })
        {
            Assert.Contains(page.ControlLabelled(label).TagName, new[] { "INPUT", "SELECT" });
        }

        Assert.Equal("checked", page.ControlLabelled("Ikut JP").GetAttribute("checked"));
        Assert.Null(page.ControlLabelled("Padat Karya").GetAttribute("checked"));
    }

    [Fact]
    public async Task Computing_ShowsEachProgramAndShare_InRupiah()
    {
        var page = await HtmlPage.GetAsync(_client, "/kalkulator");

        var response = await page.SubmitAsync(_client, new Dictionary<string, string>
        {
            ["Periode"] = "2026-03", ["Upah"] = "12.000.000", ["Tanggal Lahir"] = "1990-05-17",
            ["Kewarganegaraan"] = "WNI", ["Kelas Risiko"] = "1", ["Ikut JP"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await HtmlPage.ParseAsync(response);
        var rows = result.QuerySelectorAll("#hasil tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), Cells);
        Assert.Equal(["Rp 444.000", "Rp 240.000", "Rp 684.000"], rows["JHT"]);
        Assert.Equal(["Rp 28.800", "Rp 0", "Rp 28.800"], rows["JKK"]);
        Assert.Equal(["Rp 36.000", "Rp 0", "Rp 36.000"], rows["JKM"]);
        Assert.Equal(["Rp 221.726", "Rp 110.863", "Rp 332.589"], rows["JP"]);
        Assert.Equal(["Rp 730.526", "Rp 350.863", "Rp 1.081.389"], Cells(result.QuerySelector("#hasil tfoot tr")!));
        Assert.Contains("Rp 11.086.300", result.QuerySelector("#keterangan")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rp 11.000", result.QuerySelector("#jkp")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UncheckingIkutJp_LeavesJpAtZero()
    {
        var page = await HtmlPage.GetAsync(_client, "/kalkulator");

        // Unticked, the checkbox is not sent; only the hidden "false" of the tag helper is.
        var response = await page.SubmitAsync(_client, new Dictionary<string, string>
        {
            ["Periode"] = "2026-03", ["Upah"] = "8000000", ["Tanggal Lahir"] = "1990-05-17", ["Ikut JP"] = "false",
        });

        var result = await HtmlPage.ParseAsync(response);
        var jp = result.QuerySelectorAll("#hasil tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "JP");
        Assert.Equal(["Rp 0", "Rp 0", "Rp 0"], Cells(jp));
        Assert.Contains("perusahaan tidak ikut program Jaminan Pensiun", result.QuerySelector("#keterangan")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ShowsIndonesianMessagesNextToTheFields_AndNoResult()
    {
        var page = await HtmlPage.GetAsync(_client, "/kalkulator");

        var response = await page.SubmitAsync(_client, new Dictionary<string, string>
        {
            ["Periode"] = "2021-06", ["Upah"] = "dua juta", ["Tanggal Lahir"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await HtmlPage.ParseAsync(response);
        Assert.Null(result.QuerySelector("#hasil"));
        Assert.Equal("Periode sebelum 2022-01 tidak didukung.", result.GetElementById("Periode-error")!.TextContent.Trim());
        Assert.Contains("Upah harus berupa bilangan bulat rupiah", result.GetElementById("Upah-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tanggal Lahir wajib diisi.", result.GetElementById("TanggalLahir-error")!.TextContent.Trim());
        Assert.Equal("Upah-error Upah-help", result.ControlLabelled("Upah").GetAttribute("aria-describedby")); // the message first, then the hint
        Assert.Equal("dua juta", result.ControlLabelled("Upah").GetAttribute("value")); // what the user typed is kept
        Assert.NotNull(result.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task DatesFarInTheFuture_GetAFieldMessage_OnBothPages_NotAnError()
    {
        var calculator = await HtmlPage.GetAsync(_client, "/kalkulator");
        var contribution = await calculator.SubmitAsync(_client, new Dictionary<string, string>
        {
            ["Periode"] = "9999-12", ["Upah"] = "5000000", ["Tanggal Lahir"] = "9999-12-31",
        });
        var fineForm = await HtmlPage.GetAsync(_client, "/kalkulator/denda");
        var fine = await fineForm.SubmitAsync(_client, new Dictionary<string, string>
        {
            ["Periode"] = "2026-01", ["Total Iuran"] = "10000000", ["Tanggal Bayar"] = "9999-12-31",
        });
        var farPeriod = await fineForm.SubmitAsync(_client, new Dictionary<string, string>
        {
            ["Periode"] = "9999-12", ["Total Iuran"] = "10000000", ["Tanggal Bayar"] = "2026-03-20",
        });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (contribution.StatusCode, fine.StatusCode, farPeriod.StatusCode));
        var first = await HtmlPage.ParseAsync(contribution);
        Assert.Equal("Tahun pada periode harus antara 1900 dan 2099.", first.GetElementById("Periode-error")!.TextContent.Trim());
        Assert.Equal("Tanggal Lahir harus antara tahun 1900 dan 2099.", first.GetElementById("TanggalLahir-error")!.TextContent.Trim());
        Assert.Equal("Tanggal Bayar harus antara tahun 1900 dan 2099.", (await HtmlPage.ParseAsync(fine)).GetElementById("TanggalBayar-error")!.TextContent.Trim());
        Assert.Equal("Tahun pada periode harus antara 1900 dan 2099.", (await HtmlPage.ParseAsync(farPeriod)).GetElementById("Periode-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Periode"] = "2026-03", ["Upah"] = "5000000", ["TanggalLahir"] = "1990-01-01" });

        var response = await _client.PostAsync("/kalkulator", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task FineSimulation_ShowsDueDateMonthsLateAndFine()
    {
        var page = await HtmlPage.GetAsync(_client, "/kalkulator/denda");

        var response = await page.SubmitAsync(_client, new Dictionary<string, string>
        {
            ["Periode"] = "2026-01", ["Total Iuran"] = "Rp 10.000.000", ["Tanggal Bayar"] = "2026-03-20",
        });

        var result = await HtmlPage.ParseAsync(response);
        var rows = result.QuerySelectorAll("#hasil tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("Senin, 16 Februari 2026", rows["Jatuh Tempo"]);
        Assert.Equal("2", rows["Bulan Terlambat"]);
        Assert.Equal("Rp 400.000", rows["Denda"]);
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders_AndNoInlineScriptOrStyle()
    {
        var response = await _client.GetAsync("/kalkulator", TestContext.Current.CancellationToken);
        var page = await HtmlPage.ParseAsync(response);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script>"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("style"));
    }

    private static string[] Cells(IElement row) => row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();

    public sealed class Fixture : WebFixture;
}
