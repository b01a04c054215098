using Microsoft.Playwright;

namespace Sipp.Browser.Tests.Workers;

/// <summary>
/// Issue 16, items 7 and 10. Item 7: the error summary of a refused form was unordered, its items linked nowhere and the focus stayed
/// on the page. Now: the summary takes the focus, its items follow the fields' order on the page, each is a link to a
/// field that is marked invalid, and following it puts the cursor in that field.
/// </summary>
public class FormErrorsJourneyTests(FormErrorsJourneyTests.Fixture fixture) : IClassFixture<FormErrorsJourneyTests.Fixture>
{
    [Fact]
    public async Task ARefusedForm_SummaryFocused_InFieldOrder_EachItemLeadsToItsField()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsHrdAsync(page, "CV Sinar Abadi", "000");
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

    [Fact]
    public async Task TambahTenagaKerja_AsksOnlyWhatApplies_AndYaTidakMovesOnInOneClick()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsHrdAsync(page, "CV Sinar Abadi", "000");
        await page.GotoAsync("/tenaga-kerja/tambah");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lanjut" })).ToBeHiddenAsync();

        await page.GetByLabel("Tidak").CheckAsync(); // no "Lanjut" click
        await page.WaitForURLAsync("**/tenaga-kerja/tambah?Jalur=tidak");

        await page.GetByLabel("Kewarganegaraan").SelectOptionAsync("WNI");
        await Assertions.Expect(page.GetByLabel("NIK")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Nomor Paspor")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("Negara", new() { Exact = true })).ToBeHiddenAsync();
        await page.GetByLabel("Kewarganegaraan").SelectOptionAsync("WNA");
        await Assertions.Expect(page.GetByLabel("Nomor Paspor")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("NIK")).ToBeHiddenAsync();

        await page.GetByLabel("Status Pegawai").SelectOptionAsync("PKWTT");
        await Assertions.Expect(page.GetByLabel("Tanggal Akhir Kontrak")).ToBeHiddenAsync();
        await page.GetByLabel("Status Pegawai").SelectOptionAsync("PKWT");
        await Assertions.Expect(page.GetByLabel("Tanggal Akhir Kontrak")).ToBeVisibleAsync();
    }

    public sealed class Fixture : BrowserFixture;
}
