using Sipp.Domain.Workers;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Companies;
using Sipp.Data.Workers;
using Sipp.Domain.People;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Accounts;

public class RegistrationTests(RegistrationTests.Fixture fixture) : IClassFixture<RegistrationTests.Fixture>
{
    private const string BudiPhone = "+6281234567890";
    private readonly SippWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task BudiRegisters_VerifiesHisPhone_ActivatesByEmail_AndSignsIn_AsPemantauOfHisDivision()
    {
        var browser = _factory.NewBrowser();
        var email = "budi.santoso@contoh.co.id";

        var otpPage = await RegisterUpToOtpAsync(browser, "10000001", "000", email, "Kopi-Tubruk-Pagi-7", "90000000001", "budi  SANTOSO", "1990-05-17", "0812-3456-7890");
        Assert.Equal("Verifikasi Nomor Handphone", otpPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("0812****7890", otpPage.QuerySelector("#KodeOtp-help")!.TextContent, StringComparison.Ordinal);

        var done = await HtmlPage.ParseAsync(await otpPage.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = await browser.LatestCodeAsync(BudiPhone) }));
        Assert.Equal("Periksa Email Anda", done.QuerySelector("h1")!.TextContent.Trim());

        var login = await HtmlPage.GetAsync(browser, await browser.LatestLinkAsync(email));
        Assert.Equal("Akun Anda sudah aktif. Silakan masuk.", login.QuerySelector("[role=status]")!.TextContent.Trim());

        var home = await browser.SignInAsync(email, "Kopi-Tubruk-Pagi-7", BudiPhone);
        Assert.Contains("PT Maju Bersama", home.QuerySelector("#perusahaan-aktif")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pemantau", home.QuerySelector("#perusahaan-aktif")!.TextContent, StringComparison.Ordinal); // the division has an Admin already
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, await browser.StatusOfAsync("/pengguna"));
    }

    [Fact]
    public async Task TheFirstUserOfADivision_BecomesItsAdmin()
    {
        await AddCompanyWithWorkerAsync("30000001", "Siti Rahmawati", new DateOnly(1988, 2, 3), "30000000001");
        var browser = _factory.NewBrowser();

        var otpPage = await RegisterUpToOtpAsync(browser, "30000001", "000", "siti@usaha-baru.co.id", "Teh-Manis-Sore-42", "30000000001", "Siti Rahmawati", "1988-02-03", "081298765432");
        await otpPage.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = await browser.LatestCodeAsync("+6281298765432") });
        await HtmlPage.GetAsync(browser, await browser.LatestLinkAsync("siti@usaha-baru.co.id"));

        var home = await browser.SignInAsync("siti@usaha-baru.co.id", "Teh-Manis-Sore-42", "+6281298765432");
        Assert.Contains("Admin", home.QuerySelector("#perusahaan-aktif")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, await browser.StatusOfAsync("/pengguna"));
    }

    [Fact]
    public async Task Step1_ShowsTheCompanyAndBranch_AndRefusesAnUnknownNpp()
    {
        var browser = _factory.NewBrowser();

        var lookup = await browser.GetStringAsync("/api/v1/perusahaan/cari?npp=10000001&divisi=001", TestContext.Current.CancellationToken);
        var step1 = await HtmlPage.GetAsync(browser, "/daftar");
        var unknown = await HtmlPage.ParseAsync(await step1.SubmitAsync(browser, new Dictionary<string, string> { ["NPP"] = "19999999", ["Divisi"] = "000" }));
        var badFormat = await HtmlPage.ParseAsync(await step1.SubmitAsync(browser, new Dictionary<string, string> { ["NPP"] = "1000", ["Divisi"] = "0" }));

        Assert.Contains("\"namaPerusahaan\":\"PT Maju Bersama\"", lookup, StringComparison.Ordinal);
        Assert.Contains("Kantor Cabang Surabaya Rungkut", lookup, StringComparison.Ordinal);
        Assert.True(step1.ControlLabelled("Nama Perusahaan").HasAttribute("readonly"));
        Assert.True(step1.ControlLabelled("Kantor Cabang").HasAttribute("readonly"));
        Assert.Contains("tidak ditemukan", Alert(unknown), StringComparison.Ordinal);
        Assert.Contains("NPP harus terdiri dari 8 angka.", Alert(badFormat), StringComparison.Ordinal);
        Assert.Contains("Divisi harus terdiri dari 3 angka", Alert(badFormat), StringComparison.Ordinal);
        // Issue 16: each wrong field marked, its message under it.
        foreach (var (field, message) in new[] { ("Npp", "NPP harus terdiri dari 8 angka."), ("Divisi", "Divisi harus terdiri dari 3 angka") })
        {
            Assert.Equal("true", badFormat.GetElementById(field)!.GetAttribute("aria-invalid"));
            Assert.Contains($"{field}-error", badFormat.GetElementById(field)!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
            Assert.Contains(message, badFormat.GetElementById($"{field}-error")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("pendek123", "Password minimal 10 karakter.")]
    [InlineData("password123", "Password terlalu umum")]
    [InlineData("Password2026!", "Password terlalu umum")]
    [InlineData("qwertyuiop", "Password terlalu umum")]
    [InlineData("andi.wijaya-2026", "tidak boleh memuat bagian nama email")]
    public async Task Step2_EnforcesThePasswordPolicy(string password, string message)
    {
        var browser = _factory.NewBrowser();
        var step2 = await StartAsync(browser, "10000001", "000");

        var result = await HtmlPage.ParseAsync(await step2.SubmitAsync(browser, new Dictionary<string, string>
        {
            ["Email"] = "andi.wijaya@contoh.co.id", ["Password"] = password, ["Ulangi Password"] = password,
        }));

        Assert.Equal("Daftar", result.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(message, Alert(result), StringComparison.Ordinal);
        Assert.Equal("true", result.GetElementById("Password")!.GetAttribute("aria-invalid"));
        Assert.Contains(message, result.GetElementById("Password-error")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90000000001", "Budi Santoso", "1990-05-18")] // wrong birth date
    [InlineData("90000000001", "Budi Susanto", "1990-05-17")] // wrong name
    [InlineData("90000099999", "Budi Santoso", "1990-05-17")] // no such KPJ
    [InlineData("90000000101", "Budi Santoso", "1990-05-17")] // a worker of another division
    public async Task Step3_AnyMismatch_GivesTheSameNeutralMessage(string kpj, string name, string birthDate)
    {
        var browser = _factory.NewBrowser();
        var step2 = await StartAsync(browser, "10000001", "000");
        var step3 = await HtmlPage.ParseAsync(await step2.SubmitAsync(browser, new Dictionary<string, string>
        {
            ["Email"] = "orang@contoh.co.id", ["Password"] = "Nasi-Goreng-Kambing-9", ["Ulangi Password"] = "Nasi-Goreng-Kambing-9",
        }));

        var result = await HtmlPage.ParseAsync(await step3.SubmitAsync(browser, new Dictionary<string, string>
        {
            ["Nomor Peserta (KPJ)"] = kpj, ["Nama Lengkap"] = name, ["Tanggal Lahir"] = birthDate, ["Nomor Handphone"] = "081234567890",
        }));

        Assert.Equal("Data KPJ tidak cocok dengan tenaga kerja aktif perusahaan ini. Periksa Nomor Peserta, Nama Lengkap dan Tanggal Lahir.", Alert(result));
        Assert.DoesNotContain("Budi Santoso", result.QuerySelector("main")!.TextContent.Replace(name, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisteringWithAnEmailAlreadyInUse_LooksExactlyTheSame_AndOnlyTellsTheOwnerByEmail()
    {
        await AddCompanyWithWorkerAsync("30000002", "Dewi Lestari", new DateOnly(1992, 7, 9), "30000000002");
        var browser = _factory.NewBrowser();
        int usersBefore;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            usersBefore = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Users.CountAsync(TestContext.Current.CancellationToken);
        }

        var otpPage = await RegisterUpToOtpAsync(browser, "30000002", "000", DevelopmentSeed.CompanyUserEmail, "Es-Cendol-Dingin-5", "30000000002", "Dewi Lestari", "1992-07-09", "081311112222");
        var done = await HtmlPage.ParseAsync(await otpPage.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = await browser.LatestCodeAsync("+6281311112222") }));

        Assert.Equal("Periksa Email Anda", done.QuerySelector("h1")!.TextContent.Trim());
        var toOwner = (await browser.OutboxAsync()).First(m => m.To == DevelopmentSeed.CompanyUserEmail && m.Channel == "email");
        Assert.Contains("sudah terdaftar", toOwner.Body, StringComparison.Ordinal);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            Assert.Equal(usersBefore, await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Users.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task TheActivationLink_WorksOnce_AndNotAfter24Hours()
    {
        await AddCompanyWithWorkerAsync("30000003", "Rina Kusuma", new DateOnly(1995, 11, 30), "30000000003");
        await AddCompanyWithWorkerAsync("30000004", "Joko Purnomo", new DateOnly(1980, 1, 15), "30000000004");
        var browser = _factory.NewBrowser();

        var rina = await RegisterUpToOtpAsync(browser, "30000003", "000", "rina@contoh.co.id", "Bakso-Urat-Pedas-3", "30000000003", "Rina Kusuma", "1995-11-30", "081355556666");
        await rina.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = await browser.LatestCodeAsync("+6281355556666") });
        var rinaLink = await browser.LatestLinkAsync("rina@contoh.co.id");
        var first = await HtmlPage.GetAsync(browser, rinaLink);
        var second = await HtmlPage.GetAsync(browser, rinaLink);

        var joko = await RegisterUpToOtpAsync(browser, "30000004", "000", "joko@contoh.co.id", "Soto-Ayam-Lamongan-8", "30000000004", "Joko Purnomo", "1980-01-15", "081377778888");
        await joko.SubmitAsync(browser, new Dictionary<string, string> { ["Kode OTP"] = await browser.LatestCodeAsync("+6281377778888") });
        var jokoLink = await browser.LatestLinkAsync("joko@contoh.co.id");
        _factory.Clock.Advance(TimeSpan.FromHours(24).Add(TimeSpan.FromMinutes(1)));
        var late = await HtmlPage.GetAsync(browser, jokoLink);

        Assert.Equal("Masuk", first.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("sudah digunakan", second.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tidak valid atau sudah kedaluwarsa", late.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWizard_CannotBeEnteredMidway()
    {
        var browser = _factory.NewBrowser();

        var page = await HtmlPage.GetAsync(browser, "/daftar/kpj");

        Assert.Equal("/daftar", new Uri(page.Url).AbsolutePath);
        Assert.Contains("kedaluwarsa", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<IDocument> StartAsync(HttpClient browser, string npp, string division)
    {
        var step1 = await HtmlPage.GetAsync(browser, "/daftar");
        return await HtmlPage.ParseAsync(await step1.SubmitAsync(browser, new Dictionary<string, string> { ["NPP"] = npp, ["Divisi"] = division }));
    }

    private static async Task<IDocument> RegisterUpToOtpAsync(
        HttpClient browser, string npp, string division, string email, string password, string kpj, string name, string birthDate, string phone)
    {
        var step2 = await StartAsync(browser, npp, division);
        Assert.Equal("Data User Login", step2.QuerySelector("form h2")!.TextContent.Trim());
        var step3 = await HtmlPage.ParseAsync(await step2.SubmitAsync(browser, new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["Ulangi Password"] = password,
        }));
        Assert.Equal("Data User KPJ", step3.QuerySelector("form h2")!.TextContent.Trim());
        return await HtmlPage.ParseAsync(await step3.SubmitAsync(browser, new Dictionary<string, string>
        {
            ["Nomor Peserta (KPJ)"] = kpj, ["Nama Lengkap"] = name, ["Tanggal Lahir"] = birthDate, ["Nomor Handphone"] = phone,
        }));
    }

    private async Task AddCompanyWithWorkerAsync(string npp, string name, DateOnly birthDate, string kpj)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var now = DateTime.UtcNow;
        var company = new Company { Id = Guid.NewGuid(), Npp = npp, Name = "PT " + name, JkkRiskClass = 1, Size = CompanySize.Kecil, CreatedAt = now };
        var division = new Division { Id = Guid.NewGuid(), CompanyId = company.Id, Code = "000", Name = "Kantor Pusat", BranchOffice = "Kantor Cabang Uji", CreatedAt = now };
        var participant = new Participant
        {
            Id = Guid.NewGuid(), Kpj = kpj, FullName = name, NameNormalized = name.ToUpperInvariant(), BirthDate = birthDate, Sex = Sex.Female,
            Citizenship = Citizenship.Wni, CreatedAt = now,
        };
        db.AddRange(company, division, participant, new Employment
        {
            Id = Guid.NewGuid(), ParticipantId = participant.Id, DivisionId = division.Id, Status = EmploymentStatus.Aktif,
            EmploymentType = EmploymentType.Pkwtt, WorkStartDate = new DateOnly(2024, 1, 1), MembershipStartDate = new DateOnly(2024, 1, 1),
            RegisteredOn = new DateOnly(2024, 1, 1), CreatedAt = now,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static string Alert(IDocument page) => page.QuerySelector(".alert-danger")?.TextContent.Trim() ?? "(no error)";

    public sealed class Fixture : SeededWebFixture;
}
