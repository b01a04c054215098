using Microsoft.Playwright;

namespace Sipp.Browser.Tests.Accounts;

/// <summary>
/// Issue 16: the idle logout threw typed work away (typing was not activity) and Esc closed the warning while the clock
/// ran on. With a 12-second rule: typing for longer than that keeps the session and the form; Esc in the warning means
/// "Tetap Masuk"; a real absence ends at Masuk saying why, and "Back" does not bring the typed form back.
/// </summary>
public class IdleWhileTypingJourneyTests(IdleWhileTypingJourneyTests.Fixture fixture) : IClassFixture<IdleWhileTypingJourneyTests.Fixture>
{
    private const string Nik = "3273016507930006";

    [Fact]
    public async Task TypingKeepsTheSessionAndTheForm_EscKeepsItToo_AndARealAbsenceEndsIt()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsHrdAsync(page, "CV Sinar Abadi", "000");
        await page.GotoAsync("/tenaga-kerja/tambah?Jalur=tidak");
        await page.GetByLabel("NIK").FillAsync(Nik);
        var warning = page.GetByRole(AriaRole.Dialog, new() { Name = "Sesi Anda akan berakhir" });

        // 24 seconds of typing, twice the idle rule, a key every 1.5 s: no warning, no logout, nothing lost.
        var address = page.GetByLabel("Alamat");
        for (var i = 0; i < 16; i++)
        {
            await address.PressSequentiallyAsync("a");
            await page.WaitForTimeoutAsync(1_500);
            Assert.False(await warning.IsVisibleAsync(), $"the warning appeared while typing ({i * 1.5} s)");
        }

        Assert.EndsWith("/tenaga-kerja/tambah?Jalur=tidak", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("NIK")).ToHaveValueAsync(Nik);
        await Assertions.Expect(address).ToHaveValueAsync(new string('a', 16));

        // Then nothing: the warning; Esc keeps the session (the server says so) instead of hiding the warning only.
        await Assertions.Expect(warning).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(warning).ToBeHiddenAsync();
        var remaining = await page.EvaluateAsync<int>("fetch('/akun/sesi', { cache: 'no-store' }).then(r => r.json()).then(s => s.aktif ? s.sisaDetik : 0)");
        Assert.True(remaining > 6, $"Esc left {remaining} s");

        // A real absence: Masuk says the session ended for inactivity, and "Back" shows no typed NIK.
        await page.WaitForURLAsync("**/masuk?Status=habis", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Sesi Anda telah berakhir karena tidak ada aktivitas.")).ToBeVisibleAsync();
        await page.GoBackAsync();
        Assert.False(await page.EvaluateAsync<bool>($"[...document.querySelectorAll('input')].some(i => i.value === '{Nik}')"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
    }

    public sealed class Fixture : BrowserFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:IdleTimeout"] = "00:00:12",
            ["Security:IdleWarning"] = "00:00:06",
        };
    }
}
