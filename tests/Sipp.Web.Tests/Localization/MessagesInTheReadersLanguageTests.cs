using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Messaging;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.RemindUnpaidBills;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;
using Sipp.Web.Tests.Workers.Uploads;

namespace Sipp.Web.Tests.Localization;

/// <summary>
/// Issue 16, item 3: after the pages, the messages written by code — the domain's field checks, refusals, notices,
/// the reasons of an upload's rows, emails and SMS — stayed Indonesian for a person who chose English. Each is now
/// written in the reader's language; for messages written while the person is away (reminders, row checks in the
/// background) the language chosen last is kept with the account.
/// </summary>
public class MessagesInTheReadersLanguageTests(MessagesInTheReadersLanguageTests.Fixture fixture) : IClassFixture<MessagesInTheReadersLanguageTests.Fixture>
{
    [Fact]
    public async Task FieldErrors_FromTheDomainAndFromTheForm_AreWrittenInTheReadersLanguage()
    {
        var english = fixture.Factory.NewBrowser();
        await ChooseAsync(english, "en-US", "/kalkulator");
        var indonesian = fixture.Factory.NewBrowser();

        var inEnglish = await ComputeAsync(english);
        var inIndonesian = await ComputeAsync(indonesian);

        // The period's check is the domain's (Period.TryParse); the wage's and birth date's are the form's.
        Assert.Equal("The month of the period must be between 01 and 12.", ErrorOf(inEnglish, "Periode"));
        Assert.Equal("Wage must be a whole number of rupiah, for example 12000000 or 12.000.000.", ErrorOf(inEnglish, "Upah"));
        Assert.Equal("Date of Birth is required.", ErrorOf(inEnglish, "TanggalLahir"));
        Assert.Equal("Bulan pada periode harus antara 01 dan 12.", ErrorOf(inIndonesian, "Periode"));
        Assert.Equal("Upah harus berupa bilangan bulat rupiah, misalnya 12000000 atau 12.000.000.", ErrorOf(inIndonesian, "Upah"));
    }

    [Fact]
    public async Task TheLanguageSignedInWith_OrSwitchedTo_IsKeptWithTheAccount_AndTheOtpAndTheRemindersAreWrittenInIt()
    {
        var browser = fixture.Factory.NewBrowser();
        await ChooseAsync(browser, "en-US", "/masuk");

        var otpPage = await browser.SubmitPasswordAsync(DevelopmentSeed.CompanyUserEmail, DevelopmentSeed.CompanyUserPassword);
        var code = await browser.LatestCodeAsync(DevelopmentSeed.CompanyUserEmail, "email");
        (await otpPage.SubmitAsync(browser, new Dictionary<string, string> { ["OTP code"] = code })).EnsureSuccessStatusCode();

        var otp = (await fixture.EmailsToHrdAsync()).First();
        Assert.Equal("Sipp sign-in OTP code", otp.Subject);
        Assert.StartsWith("OTP code to sign in to Sipp: ", otp.Body, StringComparison.Ordinal);
        Assert.Equal("en", await fixture.LanguageOfHrdAsync());
        await ChooseAsync(browser, "id-ID", "/pilih-perusahaan"); // the switch, signed in, is kept with the account too
        Assert.Equal("id", await fixture.LanguageOfHrdAsync());
        await ChooseAsync(browser, "en-US", "/pilih-perusahaan");
        Assert.Equal("en", await fixture.LanguageOfHrdAsync());

        // A reminder is written by the daily job, with nobody's request to take a language from: the account's is used.
        var bill = await fixture.Factory.BillAsync("10000002", "000", Period.Of(2026, 2), "MANDIRI"); // due Monday 16 March 2026
        fixture.Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 0, 30, 0, TimeSpan.Zero));
        await fixture.RemindAsync();
        var reminder = (await fixture.EmailsToHrdAsync()).First(m => m.Body.Contains(bill.KodeIuran, StringComparison.Ordinal));
        Assert.Equal("Payment reminder for contributions of February 2026", reminder.Subject);
        Assert.Contains("due 16 March 2026", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("IDR ", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Rp ", reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReasonsOfAnUploadsRows_CheckedInTheBackground_AreInTheUploadersLanguage()
    {
        var browser = fixture.Factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsHrdAsync(), "10000001", "000");
        await ChooseAsync(browser, "en-US", "/tenaga-kerja/upload");
        var person = UploadTests.NewColumns.ToDictionary(c => c, _ => (string?)null);
        foreach (var (column, value) in new Dictionary<string, string>
        {
            ["NIK"] = "3171014101800099", ["Nama Lengkap"] = "Tanggal Salah", ["Tempat Lahir"] = "Jakarta", ["Tanggal Lahir"] = "30/02/1980",
            ["Jenis Kelamin"] = "Perempuan", ["Nama Ibu Kandung"] = "Siti", ["Kewarganegaraan"] = "WNI", ["Status Kawin"] = "Kawin", ["Alamat"] = "Jl. Melati 1",
            ["Kode Pos"] = "10110", ["Status Pegawai"] = "PKWTT", ["Tanggal Mulai Kerja"] = "01/02/2026", ["Upah"] = "6000000",
        })
        {
            person[column] = value;
        }

        var csv = UploadFixtures.Csv(UploadTests.NewColumns, [UploadTests.NewColumns.Select(c => person[c]).ToList()], Encoding.UTF8);
        var batch = await UploadTests.UploadAsync(browser, "baru", "pekerja.csv", csv, waitForCheck: false);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (batch.GetElementById("status-upload")?.TextContent.Trim() == "Being checked" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            batch = await HtmlPage.GetAsync(browser, new Uri(batch.Url).AbsolutePath);
        }

        var refused = Assert.Single(batch.QuerySelectorAll("#baris-ditolak tbody tr"));
        Assert.Contains("Date of Birth must be a valid date (dd/mm/yyyy or yyyy-mm-dd).", refused.TextContent, StringComparison.Ordinal);
    }

    private static async Task ChooseAsync(HttpClient browser, string culture, string onPage)
    {
        var page = await HtmlPage.GetAsync(browser, onPage);
        var form = (IHtmlFormElement)page.QuerySelectorAll("form[action='/bahasa']").Single();
        using var response = await form.SubmitAsync(browser, new Dictionary<string, string>());
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
        var now = await HtmlPage.GetAsync(browser, onPage);
        Assert.Equal(culture[..2], now.DocumentElement.GetAttribute("lang"));
    }

    /// <summary>The calculator's form sent with a month that does not exist (as a hand-made request could), a wage in words and no birth date.</summary>
    private static async Task<IDocument> ComputeAsync(HttpClient browser)
    {
        var page = await HtmlPage.GetAsync(browser, "/kalkulator");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Periode"] = "2026-13", ["Upah"] = "dua juta", ["TanggalLahir"] = "", ["Kewarganegaraan"] = "WNI", ["KelasRisiko"] = "1",
        });
        return await HtmlPage.ParseAsync(await browser.PostAsync("/kalkulator", body, TestContext.Current.CancellationToken));
    }

    private static string ErrorOf(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}'], #{field}-error")?.TextContent.Trim() ?? $"(no error shown for {field}: {page.QuerySelector("main")?.TextContent})";

    public sealed class Fixture : SeededWebFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:DailyBillsCron"] = "0 0 7 1 1 ? 2099" };

        public async Task<List<OutboxMessage>> EmailsToHrdAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.To == DevelopmentSeed.CompanyUserEmail && m.Channel == MessageChannel.Email).OrderByDescending(m => m.Id).ToListAsync();
        }

        public async Task<string> LanguageOfHrdAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Users.Where(u => u.Email == DevelopmentSeed.CompanyUserEmail).Select(u => u.Language).SingleAsync();
        }

        public async Task RemindAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UnpaidBillNotices>().RemindAsync(CancellationToken.None);
        }
    }
}
