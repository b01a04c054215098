using Microsoft.Playwright;
using Sipp.Web.Infrastructure.Data;

namespace Sipp.Browser.Tests.Workers;

/// <summary>
/// Issue 16, item 7: the error summary of a refused form was unordered, its items linked nowhere and the focus stayed
/// on the page. Now: the summary takes the focus, its items follow the fields' order on the page, each is a link to a
/// field that is marked invalid, and following it puts the cursor in that field.
/// </summary>
public class FormErrorsJourneyTests(FormErrorsJourneyTests.Fixture fixture) : IClassFixture<FormErrorsJourneyTests.Fixture>
{
    [Fact]
    public async Task ARefusedForm_SummaryFocused_InFieldOrder_EachItemLeadsToItsField()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, DevelopmentSeed.CompanyUserEmail, DevelopmentSeed.CompanyUserPassword);
        await BrowserFixture.ChooseCompanyAsync(page, "CV Sinar Abadi", "000");
        await page.GotoAsync("/tenaga-kerja/tambah?Jalur=tidak");
        await page.GetByLabel("NIK").FillAsync("123"); // wrong, and the rest left empty
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        var summary = page.Locator("#ringkasan-galat");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var targets = await summary.Locator("li a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href').slice(1))");
        Assert.True(targets.Length >= 3, $"{targets.Length} linked items");
        var fieldOrder = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('form [aria-invalid=true]')].map(f => f.id)");
        Assert.Equal(fieldOrder.Where(targets.Contains), targets); // the summary follows the page
        Assert.Equal(fieldOrder.Length, targets.Distinct().Count()); // every marked field is in it

        await summary.Locator("li a").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator($"#{targets[1]}")).ToBeFocusedAsync();
    }

    public sealed class Fixture : BrowserFixture;
}
