using Microsoft.Playwright;

namespace Sipp.Browser.Tests.Workers;

/// <summary>
/// Issue 16: in an English Chrome (many office PCs), the browser's own date field reads 20/03/2026 as month 20 and
/// shows mm/dd/yyyy. Sipp's date fields take dd/mm/yyyy whatever the browser's language, show dates back that way,
/// and list months by name.
/// </summary>
public class DateFieldsJourneyTests(DateFieldsJourneyTests.Fixture fixture) : IClassFixture<DateFieldsJourneyTests.Fixture>
{
    [Fact]
    public async Task InAnEnglishBrowser_DatesAreTypedAndShownAsDdMmYyyy_AndMonthsByName()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Locale = "en-US", TimezoneId = "America/New_York" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await fixture.SignInAsHrdAsync(page, "PT Maju Bersama", "000");
        await page.GotoAsync("/tenaga-kerja");
        await page.Locator("#daftar-tenaga-kerja tbody tr a").First.ClickAsync();
        var worker = page.Url;

        // A date shown back as it is typed.
        await page.GotoAsync(worker + "/ubah");
        var birth = page.GetByLabel("Tanggal Lahir");
        if (await birth.CountAsync() > 0) // a participant with a KPJ keeps the birth date: the field is not there
        {
            Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", await birth.InputValueAsync());
        }

        // Months by name, sending yyyy-mm.
        await page.GotoAsync(worker + "/upah");
        var months = await page.GetByLabel("Periode Mulai").Locator("option").AllInnerTextsAsync();
        Assert.Equal("form-select", (await page.GetByLabel("Periode Mulai").GetAttributeAsync("class"))!.Trim()); // styled as a list, not as a text box
        Assert.Contains(months, m => System.Text.RegularExpressions.Regex.IsMatch(m, @"^(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$"));

        // 20/03/2026 typed is the 20th of March, not month 20.
        await page.GotoAsync(worker + "/non-aktif");
        await Assertions.Expect(page.GetByText("Format dd/mm/yyyy")).ToBeVisibleAsync();
        await page.GetByLabel("Tanggal Non Aktif").FillAsync("20/03/2026");
        await page.GetByLabel("Alasan").SelectOptionAsync(new SelectOptionValue { Label = "PHK" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Non Aktifkan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#konfirmasi-non-aktif")).ToContainTextAsync("20 Maret 2026");
    }

    public sealed class Fixture : BrowserFixture;
}
