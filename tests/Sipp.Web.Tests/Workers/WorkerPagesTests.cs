using Sipp.Domain.Contributions;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Workers;

public class WorkerPagesTests(WorkerPagesTests.Fixture fixture) : IClassFixture<WorkerPagesTests.Fixture>
{
    private readonly SippWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task TheList_Shows50PerPage_WithMaskedNiks_AndFindsByNameNikOrKpj()
    {
        var browser = await SignedInAsync("10000002", "000");

        var list = await HtmlPage.GetAsync(browser, "/tenaga-kerja");
        var rows = Rows(list);

        Assert.StartsWith("100 tenaga kerja, halaman 1 dari 2", list.QuerySelector("[role=status]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"^\*{12}\d{4}$", r[1]));
        var second = Rows(await HtmlPage.GetAsync(browser, "/tenaga-kerja?hal=2"));
        Assert.Equal(50, second.Count);
        Assert.Empty(rows.Select(r => r[0]).Intersect(second.Select(r => r[0])));

        var (kpj, nik, name) = await SomeWorkerAsync("10000002");
        Assert.Equal(kpj, Assert.Single(Rows(await HtmlPage.GetAsync(browser, $"/tenaga-kerja?Cari={kpj}")))[0]);
        Assert.Equal(kpj, Assert.Single(Rows(await HtmlPage.GetAsync(browser, $"/tenaga-kerja?Cari={nik}")))[0]);
        Assert.Contains(Rows(await HtmlPage.GetAsync(browser, $"/tenaga-kerja?Cari={Uri.EscapeDataString(name.ToLowerInvariant())}")), r => r[0] == kpj);
        Assert.Empty(Rows(await HtmlPage.GetAsync(browser, "/tenaga-kerja?Status=MenungguVerifikasi")));
    }

    [Fact]
    public async Task SortingByWage_PutsTheHighestFirst()
    {
        var browser = await SignedInAsync("10000002", "000");

        var rows = Rows(await HtmlPage.GetAsync(browser, "/tenaga-kerja?Urut=upah&Turun=true"));

        var wages = rows.Select(r => long.Parse(r[5].Replace("Rp ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(wages.OrderByDescending(w => w), wages);
    }

    [Fact]
    public async Task APersonWithAKpj_JoinsAtOnceAsAktif_WhenNikAndBirthDateMatch()
    {
        var browser = await SignedInAsync("10000001", "000");
        var (kpj, nik, _) = await SomeWorkerAsync("10000002");
        var birthDate = await BirthDateOfAsync(kpj);
        var form = await HtmlPage.GetAsync(browser, "/tenaga-kerja/tambah?Jalur=ya");

        var wrong = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, Employment(new()
        {
            ["Nomor Peserta (KPJ)"] = kpj, ["NIK"] = nik, ["Tanggal Lahir"] = birthDate.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })));
        Assert.Equal(Sipp.Web.Features.Workers.AddWorker.WorkerEnrolment.NoMatch, wrong.QuerySelector(".alert-danger")!.TextContent.Trim());

        var added = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, Employment(new()
        {
            ["Nomor Peserta (KPJ)"] = kpj, ["NIK"] = nik, ["Tanggal Lahir"] = birthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })));

        Assert.Equal("Aktif", added.GetElementById("status-tenaga-kerja")!.TextContent.Trim());
        Assert.Contains(kpj, added.QuerySelector("#data-pribadi-isi")!.TextContent, StringComparison.Ordinal);
        var again = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, Employment(new()
        {
            ["Nomor Peserta (KPJ)"] = kpj, ["NIK"] = nik, ["Tanggal Lahir"] = birthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })));
        Assert.Contains("sudah terdaftar sebagai tenaga kerja di divisi ini", again.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewParticipant_WaitsForVerification_AndAKnownNik_IsSentToTheKpjPath()
    {
        var browser = await SignedInAsync("10000001", "000");
        var form = await HtmlPage.GetAsync(browser, "/tenaga-kerja/tambah?Jalur=tidak");

        var added = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, NewPerson("3171015708850002", "Siti Aminah")));
        var duplicate = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, NewPerson("3171015708850002", "Siti Aminah Lagi")));
        var invalid = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, NewPerson("3171011708850002", "Siti Salah")));

        Assert.Equal("Menunggu Verifikasi", added.GetElementById("status-tenaga-kerja")!.TextContent.Trim());
        Assert.Contains("belum terbit", added.QuerySelector("#data-pribadi-isi")!.TextContent, StringComparison.Ordinal);
        // Issue 16: a known NIK moves to the "Ya" form with what was typed, the KPJ still to be filled in.
        Assert.NotNull(duplicate.GetElementById("pindah-jalur-kpj"));
        Assert.Equal("ya", duplicate.QuerySelector("input[name=Jalur]")!.GetAttribute("value"));
        Assert.Equal("3171015708850002", duplicate.ControlLabelled("NIK").GetAttribute("value"));
        Assert.Equal("17/08/1985", duplicate.ControlLabelled("Tanggal Lahir").GetAttribute("value"));
        Assert.Equal("6500000", duplicate.ControlLabelled("Upah").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(duplicate.ControlLabelled("Nomor Peserta (KPJ)").GetAttribute("value")));
        Assert.Contains("NIK menunjukkan laki-laki", invalid.GetElementById("Isian-nik-error")!.TextContent, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Participants.CountAsync(p => p.Nik == "3171015708850002", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task APersonWithAKpjEnteredAsNew_IsMovedToTheKpjPath_AndEnrolledByAddingOnlyTheKpj()
    {
        var browser = await SignedInAsync("10000001", "000");
        await using var scope = _factory.Services.CreateAsyncScope();
        var someoneElsewhere = await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Participants
            .Where(p => p.Kpj != null && p.Nik != null && p.Employments.Any(e => e.Division.Company.Npp == "10000002") && !p.Employments.Any(e => e.Division.Company.Npp == "10000001"))
            .OrderBy(p => p.Kpj).Select(p => new { p.Kpj, p.Nik, p.FullName, p.BirthDate }).FirstAsync(TestContext.Current.CancellationToken);
        var (kpj, nik, name, birth) = (someoneElsewhere.Kpj!, someoneElsewhere.Nik!, someoneElsewhere.FullName, someoneElsewhere.BirthDate);
        var form = await HtmlPage.GetAsync(browser, "/tenaga-kerja/tambah?Jalur=tidak");
        var person = NewPerson(nik, name);
        person["Tanggal Lahir"] = birth.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        person["Jenis Kelamin"] = int.Parse(nik[6..8], System.Globalization.CultureInfo.InvariantCulture) > 40 ? "Perempuan" : "Laki-laki"; // as the NIK says

        var moved = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, person));
        var enrolled = await HtmlPage.ParseAsync(await moved.SubmitAsync(browser, new Dictionary<string, string> { ["Nomor Peserta (KPJ)"] = kpj }));

        Assert.NotNull(moved.GetElementById("pindah-jalur-kpj"));
        Assert.Equal("Aktif", enrolled.GetElementById("status-tenaga-kerja")!.TextContent.Trim());
    }

    [Fact]
    public async Task PerubahanUpah_KeepsTheHistory_AndIsAudited()
    {
        var browser = await SignedInAsync("10000001", "001");
        var id = await SomeEmploymentIdAsync("10000001", "001");
        var form = await HtmlPage.GetAsync(browser, $"/tenaga-kerja/{id}/upah");

        var tooEarly = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, new Dictionary<string, string> { ["Upah"] = "9000000", ["Periode Mulai"] = "2010-01" }));
        var detail = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, new Dictionary<string, string> { ["Upah"] = "Rp 9.876.000", ["Periode Mulai"] = "2026-04" }));

        Assert.Contains("tidak boleh sebelum periode kepesertaan", tooEarly.GetElementById("Isian-periode-mulai-error")!.TextContent, StringComparison.Ordinal);
        var history = detail.QuerySelectorAll("#riwayat-upah tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(history, h => h.Contains("April 2026", StringComparison.Ordinal) && h.Contains("Rp 9.876.000", StringComparison.Ordinal));
        Assert.True(history.Count >= 2);
        // Issue 16: the trail in words, not codes and JSON.
        var change = detail.QuerySelectorAll("#jejak-audit tbody tr").First(r => r.Children[2].TextContent.StartsWith("Upah diubah", StringComparison.Ordinal));
        Assert.Matches(@"^Upah diubah dari Rp [\d.]+ menjadi Rp 9\.876\.000 mulai April 2026$", change.Children[2].TextContent.Trim());
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}\.\d{2} WIB$", change.Children[0].TextContent.Trim());
        Assert.DoesNotContain("@", change.Children[1].TextContent, StringComparison.Ordinal); // a name, not an email
    }

    [Fact]
    public async Task NonAktifkan_RefusesADateBeforeTheStart_AsksWithTheConsequence_ThenDeactivates()
    {
        var browser = await SignedInAsync("10000001", "001");
        var id = await SomeEmploymentIdAsync("10000001", "001", skip: 5);
        await FinaliseAsync("10000001", "001", Period.Of(2026, 2));
        var form = await HtmlPage.GetAsync(browser, $"/tenaga-kerja/{id}/non-aktif");

        var beforeStart = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, new Dictionary<string, string> { ["Tanggal Non Aktif"] = "2000-01-01", ["Alasan"] = "Phk" }));
        var otherWithoutText = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, new Dictionary<string, string> { ["Tanggal Non Aktif"] = "2026-03-20", ["Alasan"] = "Lainnya" }));
        var asked = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, new Dictionary<string, string> { ["Tanggal Non Aktif"] = "2026-03-20", ["Alasan"] = "MengundurkanDiri" }));
        var stillActive = await HtmlPage.GetAsync(browser, $"/tenaga-kerja/{id}");
        var done = await HtmlPage.ParseAsync(await ((AngleSharp.Html.Dom.IHtmlFormElement)asked.QuerySelector("#konfirmasi-non-aktif form")!).SubmitAsync(browser));

        Assert.Contains("tidak boleh sebelum tanggal mulai", beforeStart.GetElementById("Isian-tanggal-non-aktif-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Keterangan wajib diisi", otherWithoutText.GetElementById("Isian-keterangan-error")!.TextContent, StringComparison.Ordinal);
        // Issue 16: asked first, with the consequence spelled out, and nothing done until "Ya, Non Aktifkan".
        var question = asked.GetElementById("konfirmasi-non-aktif")!.TextContent;
        Assert.Contains("20 Maret 2026", question, StringComparison.Ordinal);
        Assert.Contains("tidak dihitung lagi mulai periode April 2026", question, StringComparison.Ordinal);
        Assert.Contains("tidak dapat dibatalkan", question, StringComparison.Ordinal);
        Assert.Equal("Aktif", stillActive.GetElementById("status-tenaga-kerja")!.TextContent.Trim());
        Assert.Equal("Non Aktif", done.GetElementById("status-tenaga-kerja")!.TextContent.Trim());
        Assert.Contains("Mengundurkan diri", done.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UbahData_SavesPersonalData_WithBeforeAndAfterInTheTrail()
    {
        var browser = await SignedInAsync("10000001", "001");
        var id = await SomeEmploymentIdAsync("10000001", "001", skip: 9);
        var form = await HtmlPage.GetAsync(browser, $"/tenaga-kerja/{id}/ubah");

        var bad = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, new Dictionary<string, string> { ["Kode Pos"] = "123" }));
        var saved = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, new Dictionary<string, string> { ["Alamat"] = "Jl. Kenanga No. 99, Surabaya", ["Kode Pos"] = "60293" }));

        Assert.Contains("Kode Pos harus 5 angka.", bad.GetElementById("Isian-kode-pos-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jl. Kenanga No. 99, Surabaya 60293", saved.QuerySelector("#data-pribadi-isi")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Data tenaga kerja diubah — Alamat: ", saved.QuerySelector("#jejak-audit")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("→ Jl. Kenanga No. 99, Surabaya", saved.QuerySelector("#jejak-audit")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("#Isian-nik")); // a participant with a KPJ keeps NIK and birth date
    }

    [Fact]
    public async Task APemantau_SeesTheList_ButCannotAddOrChange()
    {
        var browser = await SignedInAsync("10000001", "000", Sipp.Data.Accounts.MembershipRole.Pemantau);
        var id = await SomeEmploymentIdAsync("10000001", "000");

        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/tenaga-kerja"));
        Assert.Equal(HttpStatusCode.Forbidden, await browser.StatusOfAsync("/tenaga-kerja/tambah"));
        Assert.Equal(HttpStatusCode.Forbidden, await browser.StatusOfAsync($"/tenaga-kerja/{id}/upah"));
        var detail = await HtmlPage.GetAsync(browser, $"/tenaga-kerja/{id}");
        Assert.Matches(@"\*{12}\d{4}", detail.QuerySelector("#data-pribadi-isi")!.TextContent);
    }

    private static List<string[]> Rows(IDocument page) =>
        page.QuerySelectorAll("#daftar-tenaga-kerja tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static Dictionary<string, string> Employment(Dictionary<string, string> values)
    {
        values["Status Pegawai"] = "PKWTT";
        values["Tanggal Mulai Kerja"] = "2026-02-01";
        values["Tanggal Mulai Kepesertaan"] = "2026-02-01";
        values["Upah"] = "6500000";
        return values;
    }

    private static Dictionary<string, string> NewPerson(string nik, string name) => Employment(new()
    {
        ["Kewarganegaraan"] = "WNI", ["NIK"] = nik, ["Nama Lengkap"] = name, ["Tempat Lahir"] = "Bogor", ["Tanggal Lahir"] = "1985-08-17",
        ["Jenis Kelamin"] = "Perempuan", ["Nama Ibu Kandung"] = "Sumarni", ["Status Kawin"] = "Kawin", ["Alamat"] = "Jl. Mawar 1, Bogor", ["Kode Pos"] = "16111",
        ["Nomor Handphone"] = "081299998888",
    });

    private async Task<HttpClient> SignedInAsync(string npp, string division, Sipp.Data.Accounts.MembershipRole? role = null)
    {
        var browser = _factory.NewBrowser();
        if (role is { } r)
        {
            await fixture.SignInWithRoleAsync(browser, npp, division, r);
            return browser;
        }

        var choose = await browser.SignInAsHrdAsync();
        await browser.ChooseCompanyAsync(choose, npp, division);
        return browser;
    }

    private async Task<(string Kpj, string Nik, string Name)> SomeWorkerAsync(string npp)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var p = await db.Employments.Where(e => e.Division.Company.Npp == npp && e.Status == EmploymentStatus.Aktif).OrderBy(e => e.Participant.Kpj)
            .Select(e => e.Participant).Skip(20).FirstAsync(TestContext.Current.CancellationToken);
        return (p.Kpj!, p.Nik!, p.FullName);
    }

    private async Task<DateOnly> BirthDateOfAsync(string kpj)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Participants.Where(p => p.Kpj == kpj).Select(p => p.BirthDate).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<Guid> SomeEmploymentIdAsync(string npp, string division, int skip = 0)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
            .Where(e => e.Division.Company.Npp == npp && e.Division.Code == division && e.Status == EmploymentStatus.Aktif && e.MembershipStartDate < new DateOnly(2025, 1, 1))
            .OrderBy(e => e.Participant.Kpj).Skip(skip).Select(e => e.Id).FirstAsync(TestContext.Current.CancellationToken);
    }

    private async Task FinaliseAsync(string npp, string division, Period period)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var divisionId = await db.Divisions.Where(d => d.Company.Npp == npp && d.Code == division).Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
        if (!await db.ContributionPeriods.AnyAsync(p => p.DivisionId == divisionId && p.Period == period, TestContext.Current.CancellationToken))
        {
            db.ContributionPeriods.Add(new ContributionPeriod { Id = Guid.NewGuid(), DivisionId = divisionId, Period = period, Status = PeriodStatus.Final, Version = Guid.NewGuid() });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
    }

    public sealed class Fixture : SeededWebFixture;
}
