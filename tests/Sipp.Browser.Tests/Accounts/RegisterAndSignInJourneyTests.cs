using Sipp.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sipp.Data;
using Sipp.Data.Workers;

namespace Sipp.Browser.Tests.Accounts;

/// <summary>
/// Budi Santoso of the demo data registers, activates, signs in with OTP, adds the second division he works for,
/// picks a company, keeps his session once, and is signed out by a shortened idle timeout.
/// </summary>
public class RegisterAndSignInJourneyTests(RegisterAndSignInJourneyTests.Fixture fixture) : IClassFixture<RegisterAndSignInJourneyTests.Fixture>
{
    private const string Email = "budi.santoso@contoh.co.id";
    private const string Password = "Kopi-Tubruk-Pagi-7";
    private const string Phone = "+6281234567890";

    [Fact]
    public async Task Budi_RegistersActivatesSignsInPicksACompany_AndIsSignedOutWhenIdle()
    {
        await fixture.AlsoEmployBudiAtSurabayaAsync();
        var page = await fixture.NewPageAsync();

        // Daftar, step 1: the company name and branch office appear read-only once NPP and division are typed.
        await page.GotoAsync("/daftar");
        await page.GetByLabel("NPP", new() { Exact = true }).FillAsync("10000001");
        await page.GetByLabel("Divisi", new() { Exact = true }).FillAsync("000");
        await Assertions.Expect(page.GetByLabel("Nama Perusahaan")).ToHaveValueAsync("PT Maju Bersama");
        await Assertions.Expect(page.GetByLabel("Kantor Cabang")).ToHaveValueAsync("Kantor Cabang Jakarta Menara Jamsostek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Berikutnya" }).ClickAsync();

        // Step 2: Data User Login.
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Ulangi Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Berikutnya" }).ClickAsync();

        // Step 3: Data User KPJ.
        await page.GetByLabel("Nomor Peserta (KPJ)").FillAsync("90000000001");
        await page.GetByLabel("Nama Lengkap").FillAsync("Budi Santoso");
        await page.GetByLabel("Tanggal Lahir").FillAsync("17/05/1990");
        await page.GetByLabel("Nomor Handphone").FillAsync("0812 3456 7890");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftar" }).ClickAsync();

        // Verifikasi Nomor Handphone, with the code from the development outbox.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verifikasi Nomor Handphone" })).ToBeVisibleAsync();
        await page.GetByLabel("Kode OTP").FillAsync(await fixture.LatestCodeAsync(Phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Periksa Email Anda" })).ToBeVisibleAsync();

        // The activation link leads to Masuk.
        await page.GotoAsync(await fixture.LatestLinkAsync(Email));
        await Assertions.Expect(page.GetByText("Akun Anda sudah aktif. Silakan masuk.")).ToBeVisibleAsync();

        // Masuk with password and OTP; his one company is chosen for him.
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.GetByLabel("Kode OTP").FillAsync(await fixture.LatestCodeAsync(Phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        var header = page.Locator("#perusahaan-aktif");
        await Assertions.Expect(header).ToContainTextAsync("PT Maju Bersama");
        await Assertions.Expect(header).ToContainTextAsync("000 — Kantor Pusat");

        // Tambah Perusahaan: the Surabaya division, confirmed with an OTP.
        await page.GotoAsync("/tambah-perusahaan");
        await page.GetByLabel("NPP", new() { Exact = true }).FillAsync("10000001");
        await page.GetByLabel("Divisi", new() { Exact = true }).FillAsync("001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Berikutnya" }).ClickAsync();
        await page.GetByLabel("Kode OTP").FillAsync(await fixture.LatestCodeAsync(Phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Assertions.Expect(header).ToContainTextAsync("001 — Cabang Surabaya");

        // Pilih Perusahaan: back to the head office.
        await header.GetByRole(AriaRole.Link, new() { Name = "Ganti Perusahaan" }).ClickAsync();
        await BrowserFixture.ChooseCompanyAsync(page, "PT Maju Bersama", "000");
        await Assertions.Expect(header).ToContainTextAsync("000 — Kantor Pusat");

        // Idle: the warning comes before the end; "Tetap Masuk" keeps the session once.
        var warning = page.GetByRole(AriaRole.Dialog, new() { Name = "Sesi Anda akan berakhir" });
        await Assertions.Expect(warning).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tetap Masuk" }).ClickAsync();
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await Assertions.Expect(header).ToContainTextAsync("PT Maju Bersama");

        // Then nothing: the warning again, and the server ends the session.
        await Assertions.Expect(warning).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForURLAsync("**/masuk?Status=habis", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("Sesi Anda telah berakhir karena tidak ada aktivitas.")).ToBeVisibleAsync();
        await page.GotoAsync("/pilih-perusahaan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
    }

    public sealed class Fixture : BrowserFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:IdleTimeout"] = "00:00:12",
            ["Security:IdleWarning"] = "00:00:06",
        };

        /// <summary>Budi also works at the Surabaya division, so that he can add it and choose between two.</summary>
        public async Task AlsoEmployBudiAtSurabayaAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SippDbContext>();
            var budi = await db.Participants.SingleAsync(p => p.Kpj == "90000000001");
            var surabaya = await db.Divisions.SingleAsync(d => d.Company.Npp == "10000001" && d.Code == "001");
            db.Employments.Add(new Employment
            {
                Id = Guid.NewGuid(), ParticipantId = budi.Id, DivisionId = surabaya.Id, Status = EmploymentStatus.Aktif,
                EmploymentType = EmploymentType.Pkwt, WorkStartDate = new DateOnly(2025, 1, 1), MembershipStartDate = new DateOnly(2025, 1, 1),
                RegisteredOn = new DateOnly(2025, 1, 1), CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
    }
}
