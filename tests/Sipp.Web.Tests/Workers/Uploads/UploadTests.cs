using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Sipp.Data;
using Sipp.Data.Uploads;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Workers.Uploads;

public class UploadTests(UploadTests.Fixture fixture) : IClassFixture<UploadTests.Fixture>
{
    internal static readonly string[] NewColumns =
    [
        "NIK", "Nama Lengkap", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Nama Ibu Kandung", "Kewarganegaraan", "Nomor Paspor", "Negara", "Status Kawin",
        "Alamat", "Kode Pos", "Nomor Handphone", "Email", "NPWP", "Status Pegawai", "Tanggal Mulai Kerja", "Tanggal Akhir Kontrak", "Tanggal Mulai Kepesertaan", "Upah",
    ];

    private readonly SippWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task AnXlsxWithGoodAndBadRows_IsChecked_ShowsTheReasons_GivesACheckedCopy_AndImportsOnlyTheGoodRows()
    {
        var browser = await fixture.OperatorAsync("10000001", "000");
        var rows = new List<IDictionary<string, object?>>
        {
            NewPerson("3171010101800011", "Agus Salim", new DateTime(1980, 1, 1), "Laki-laki"),                 // row 2: good (an Excel date)
            NewPerson("3171014101800012", "Bad Date", "1980-02-30", "Laki-laki"),                                 // row 3: no such date
            NewPerson("3171015202850013", "Citra Lestari", new DateTime(1985, 2, 12), "Perempuan"),            // row 4: good
            NewPerson("3171015202850013", "Citra Dua Kali", new DateTime(1985, 2, 12), "Perempuan"),           // row 5: same NIK twice
            NewPerson("3171011705900001", "Budi Santoso", new DateTime(1990, 5, 17), "Laki-laki"),              // row 6: already a participant
        };
        rows[0]["Upah"] = 6_250_000d;

        var batch = await UploadAsync(browser, "baru", "tenaga-kerja.xlsx", UploadFixtures.Xlsx(rows));

        Assert.True(Summary(batch) == ("5", "2", "3"), batch.QuerySelector("#baris-ditolak")?.TextContent);
        var refused = batch.QuerySelectorAll("#baris-ditolak tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[2].TextContent);
        Assert.Equal(["3", "5", "6"], refused.Keys.Order(StringComparer.Ordinal));
        // Issue 17: the row, whom it is about (the NIK masked), the column, what it holds and why it is refused.
        Assert.Contains("Tanggal Lahir «1980-02-30»: Tanggal Lahir harus tanggal yang valid", refused["3"], StringComparison.Ordinal);
        Assert.Equal("************0012", batch.QuerySelectorAll("#baris-ditolak tbody tr").Single(r => r.Children[0].TextContent.Trim() == "3").Children[1].TextContent.Trim());
        Assert.Contains("NIK «************0013»", refused["5"], StringComparison.Ordinal);
        Assert.Contains("muncul lebih dari sekali", refused["5"], StringComparison.Ordinal);
        Assert.Contains("sudah terdaftar sebagai peserta", refused["6"], StringComparison.Ordinal);

        var checkedCopy = await browser.GetByteArrayAsync(new Uri(batch.Url).AbsolutePath + "/hasil", TestContext.Current.CancellationToken);
        var copy = ReadXlsx(checkedCopy);
        Assert.Equal(["OK", "Ditolak", "OK", "Ditolak", "Ditolak"], copy.Select(r => r["Status"]?.ToString()));
        Assert.StartsWith("Baris 3 — ", copy[1]["Keterangan"]?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Agus Salim", copy[0]["Nama Lengkap"]?.ToString());

        var imported = await ClickAsync(browser, batch, "Impor 2 Baris Valid");

        Assert.Equal("Sudah diimpor", imported.GetElementById("status-upload")!.TextContent.Trim());
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var agus = await db.Employments.Include(e => e.Participant).Include(e => e.WageHistory).SingleAsync(e => e.Participant.Nik == "3171010101800011", TestContext.Current.CancellationToken);
        Assert.Equal(EmploymentStatus.MenungguVerifikasi, agus.Status);
        Assert.Equal(new DateOnly(1980, 1, 1), agus.Participant.BirthDate);
        Assert.Equal(6_250_000, Assert.Single(agus.WageHistory).Upah);
        Assert.Equal(Period.Of(2026, 2), agus.WageHistory[0].EffectiveFrom);
        Assert.False(await db.Participants.AnyAsync(p => p.FullName == "Citra Dua Kali", TestContext.Current.CancellationToken));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "tenagaKerja.tambah" && a.EntityId == agus.Id.ToString(), TestContext.Current.CancellationToken));
    }

    /// <summary>Issue 17, item 2: old Excel (.xls) as SIPP Online's users keep it — real dates, numbers, text — checked like an .xlsx.</summary>
    [Fact]
    public async Task AnOldExcelXls_IsCheckedLikeAnXlsx_WithTheSameReasons_AndImportsTheGoodRows()
    {
        var browser = await fixture.OperatorAsync("10000001", "000");
        var people = new[]
        {
            NewPerson("3171010202820015", "Bambang Xls", new DateTime(1982, 2, 2), "Laki-laki"),     // row 2: good, a real Excel date
            NewPerson("3171014101800016", "Tanggal Salah", "30-02-1980", "Laki-laki"),              // row 3: no such date
            NewPerson("3171014203830017", "Rina Xls", "02-03-1983", "Perempuan"),                    // row 4: good, dd-mm-yyyy as text
            NewPerson("3171010303840018", "Nik Angka", new DateTime(1984, 3, 3), "Laki-laki"),        // row 5: the NIK in a number cell
        };
        people[0]["Upah"] = 6_100_000d; // a number cell
        // Excel keeps 15 significant digits: typed into a number cell, this NIK is already ...0020 in the file.
        people[3]["NIK"] = 3171010303840018d;
        var xls = UploadFixtures.Xls(NewColumns, people.Select(p => (IReadOnlyList<object?>)NewColumns.Select(c => p.GetValueOrDefault(c)).ToList()));

        var batch = await UploadAsync(browser, "baru", "tenaga-kerja-lama.xls", xls);

        Assert.True(Summary(batch) == ("4", "2", "2"), batch.QuerySelector("#baris-ditolak")?.TextContent ?? batch.GetElementById("alasan-tolak")?.TextContent);
        var refused = batch.QuerySelectorAll("#baris-ditolak tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.TextContent);
        Assert.Equal(["3", "5"], refused.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Tanggal Lahir harus tanggal yang valid", refused["3"], StringComparison.Ordinal);
        Assert.Contains("NIK tersimpan sebagai angka di Excel, yang hanya menyimpan 15 digit", refused["5"], StringComparison.Ordinal);
        var copy = ReadXlsx(await browser.GetByteArrayAsync(new Uri(batch.Url).AbsolutePath + "/hasil", TestContext.Current.CancellationToken));
        Assert.Equal(["OK", "Ditolak", "OK", "Ditolak"], copy.Select(r => r["Status"]?.ToString()));

        await ClickAsync(browser, batch, "Impor 2 Baris Valid");
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var bambang = await db.Employments.Include(e => e.Participant).Include(e => e.WageHistory).SingleAsync(e => e.Participant.Nik == "3171010202820015", TestContext.Current.CancellationToken);
        Assert.False(await db.Participants.AnyAsync(p => p.FullName == "Nik Angka", TestContext.Current.CancellationToken));
        Assert.Equal(new DateOnly(1982, 2, 2), bambang.Participant.BirthDate);
        Assert.Equal(6_100_000, Assert.Single(bambang.WageHistory).Upah);
        Assert.True(await db.Participants.AnyAsync(p => p.Nik == "3171014203830017" && p.BirthDate == new DateOnly(1983, 3, 2), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AWindows1252Csv_WithSemicolonsAndDayMonthYearDates_IsRead()
    {
        var browser = await fixture.OperatorAsync("10000001", "000");
        var person = NewPerson("3171010303920014", "José Ramírez", "03/03/1992", "Laki-laki");
        person["Tanggal Mulai Kerja"] = "01/02/2026";
        var csv = UploadFixtures.Csv(NewColumns, [NewColumns.Select(c => person.TryGetValue(c, out var v) ? v?.ToString() : null).ToList()], Encoding.GetEncoding(1252));

        var batch = await UploadAsync(browser, "baru", "pekerja.csv", csv);

        Assert.True(Summary(batch) == ("1", "1", "0"), batch.QuerySelector("#baris-ditolak")?.TextContent);
        var copy = Encoding.UTF8.GetString(await browser.GetByteArrayAsync(new Uri(batch.Url).AbsolutePath + "/hasil", TestContext.Current.CancellationToken));
        Assert.Contains("José Ramírez", copy, StringComparison.Ordinal);
        Assert.Contains(";Status;Keterangan", copy, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, byte[], string> BadFiles => new()
    {
        { "pdf renamed", "data.xlsx", "%PDF-1.7 bukan excel"u8.ToArray(), "File ini PDF" },
        { "csv renamed", "data.xlsx", "NIK;Nama\r\n1;2\r\n"u8.ToArray(), "bukan file Excel" },
        { "xlsx renamed", "data.csv", UploadFixtures.Xlsx([new Dictionary<string, object?> { ["A"] = 1 }]), "isinya file Excel" },
        { "encrypted", "data.xlsx", UploadFixtures.OleCompound(encrypted: true), "dilindungi password" },
        { "encrypted xls", "data_tk_baru.xls", UploadFixtures.PasswordProtectedXls(), "dilindungi password" },
        { "not a workbook", "data.xls", UploadFixtures.OleCompound(encrypted: false), "rusak atau bukan buku kerja Excel" },
        { "xls too wide", "data.xls", UploadFixtures.Xls([.. Enumerable.Range(1, 120).Select(i => "K" + i)], [[.. Enumerable.Range(1, 120).Select(i => (object?)"x")]]), "kolom" },
        { "corrupt", "data.xlsx", UploadFixtures.Xlsx([new Dictionary<string, object?> { ["A"] = 1 }])[..600], "rusak" },
        { "corrupt sheet", "data.xlsx", UploadFixtures.BrokenSheet(), "rusak" },
        { "zip bomb", "data.xlsx", UploadFixtures.ZipBomb(), "tidak wajar" },
        { "utf-16", "data.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("NIK;Nama\r\n")).ToArray(), "UTF-16" },
        { "unknown encoding", "data.csv", [.. "NIK;Nama\r\n"u8.ToArray(), 0x81, 0x8D, 0x41, (byte)'\r', (byte)'\n'], "Encoding CSV ini tidak dikenal" },
        { "wrong headers", "data.csv", "NIK;Nama Panjang;Upah\r\n1;2;3\r\n"u8.ToArray(), "kolom yang tidak dikenal: Nama Panjang" },
        { "empty", "data.csv", Array.Empty<byte>(), "File kosong" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ABadFile_IsRefusedWithAClearReason_AndNothingIsChecked(string kind, string fileName, byte[] content, string reason)
    {
        var browser = await fixture.OperatorAsync("10000001", "001");

        var page = await UploadAsync(browser, "baru", fileName, content, waitForCheck: false);

        var refusal = page.GetElementById("alasan-tolak")?.TextContent ?? page.QuerySelector(".alert-danger")?.TextContent ?? "(no refusal)";
        Assert.True(refusal.Contains(reason, StringComparison.Ordinal), $"{kind}: {refusal}");
    }

    [Fact]
    public async Task MoreThan100000Rows_AreRefusedFromTheSizeAlone()
    {
        var browser = await fixture.OperatorAsync("10000001", "001");
        var text = new StringBuilder("KPJ;Upah;Periode Mulai\r\n");
        for (var i = 0; i < 100_001; i++)
        {
            text.Append("1;1;2026-04\r\n");
        }

        var page = await UploadAsync(browser, "upah", "besar.csv", Encoding.UTF8.GetBytes(text.ToString()));

        Assert.Contains("File berisi 100.001 baris", page.GetElementById("alasan-tolak")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnXlsxDeclaringMoreThan100000Rows_IsRefusedBeforeAnyRowIsRead()
    {
        var browser = await fixture.OperatorAsync("10000001", "001");
        var header = new[] { "KPJ", "Upah", "Periode Mulai" }.Select((h, i) => ($"{(char)('A' + i)}1", (DocumentFormat.OpenXml.OpenXmlElement)new DocumentFormat.OpenXml.Spreadsheet.Cell
        {
            CellReference = $"{(char)('A' + i)}1", DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.String, CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(h),
        }));

        var page = await UploadAsync(browser, "upah", "besar.xlsx", UploadFixtures.SdkXlsx(header, declaredRange: "A1:C100002"));

        Assert.Contains("File berisi 100.001 baris", page.GetElementById("alasan-tolak")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(25)]
    [InlineData(60)]
    public async Task AFileOver20Mb_IsRefusedOnTheUploadPage_WithTheSameClearReason_WhateverItsSize(int megabytes)
    {
        var browser = await fixture.OperatorAsync("10000001", "001");

        var page = await UploadAsync(browser, "upah", "raksasa.csv", new byte[(megabytes * 1024 * 1024) + 10], waitForCheck: false);

        Assert.Equal("Upload", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("File lebih dari 20 MB. Bagi menjadi beberapa file.", page.QuerySelector(".alert-danger")?.TextContent.Trim());
    }

    [Fact]
    public async Task WhenRecordingTheUploadFails_TheSavedFileIsRemoved_AndNoOrphanStays()
    {
        var browser = await fixture.OperatorAsync("10000002", "000");
        await fixture.FailInsertOfUploadAsync("gagal-dicatat.csv");
        string folder;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            folder = scope.ServiceProvider.GetRequiredService<Sipp.Web.Features.Workers.Uploads.UploadStorage>().Folder;
        }

        Directory.CreateDirectory(folder);
        var before = Directory.GetFiles(folder).ToHashSet();

        var content = Encoding.UTF8.GetBytes("KPJ;Upah;Periode Mulai\r\n90000000201;5000000;2026-04\r\n");

        var page = await UploadAsync(browser, "upah", "gagal-dicatat.csv", content, waitForCheck: false);

        Assert.Equal("Terjadi kesalahan", page.QuerySelector("h1")!.TextContent.Trim());
        // Other test classes upload into the same folder meanwhile: only a file of this content would be the orphan.
        Assert.DoesNotContain(Directory.GetFiles(folder).Except(before), f => IsThisUpload(f, content));
    }

    [Fact]
    public async Task WageAndDeactivationUploads_ChangeOnlyTheirOwnDivisionsWorkers()
    {
        var browser = await fixture.OperatorAsync("10000002", "000");
        var (own, other) = await KpjsAsync();
        var wages = UploadFixtures.Csv(["KPJ", "Upah", "Periode Mulai"], [[own[0], "7.100.000", "2026-05"], [other, "7100000", "2026-05"], [own[1], "0", "2026-05"]], new UTF8Encoding(false), ',');

        var wageBatch = await UploadAsync(browser, "upah", "upah.csv", wages);
        Assert.Equal(("3", "1", "2"), Summary(wageBatch));
        Assert.True(wageBatch.QuerySelector("#baris-ditolak")!.TextContent.Contains("KPJ ini bukan tenaga kerja divisi ini", StringComparison.Ordinal), wageBatch.QuerySelector("#baris-ditolak")!.TextContent);
        await ClickAsync(browser, wageBatch, "Impor 1 Baris Valid");

        var deactivation = UploadFixtures.Csv(["KPJ", "NIK", "Tanggal Non Aktif", "Alasan", "Alasan Lainnya"],
            [[own[2], await NikAsync(own[2]), "31/05/2026", "Mengundurkan diri", null], [own[3], "3171011705900001", "31/05/2026", "PHK", null], [own[4], await NikAsync(own[4]), "31/05/2026", "Lainnya", null]],
            new UTF8Encoding(true));
        var deactivationBatch = await UploadAsync(browser, "non-aktif", "keluar.csv", deactivation);
        Assert.Equal(("3", "1", "2"), Summary(deactivationBatch));
        await ClickAsync(browser, deactivationBatch, "Impor 1 Baris Valid");

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        Assert.True(await db.WageChanges.AnyAsync(w => w.Employment.Participant.Kpj == own[0] && w.EffectiveFrom == Period.Of(2026, 5) && w.Upah == 7_100_000, TestContext.Current.CancellationToken));
        Assert.False(await db.WageChanges.AnyAsync(w => w.Employment.Participant.Kpj == other && w.EffectiveFrom == Period.Of(2026, 5), TestContext.Current.CancellationToken));
        var ended = await db.Employments.SingleAsync(e => e.Participant.Kpj == own[2] && e.Division.Company.Npp == "10000002", TestContext.Current.CancellationToken);
        Assert.Equal((EmploymentStatus.NonAktif, new DateOnly(2026, 5, 31), EndReason.MengundurkanDiri), (ended.Status, ended.EndDate, ended.EndReason));
        Assert.Equal(EmploymentStatus.Aktif, (await db.Employments.SingleAsync(e => e.Participant.Kpj == own[3], TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task WhenTheDataChangedSinceTheCheck_NothingIsImported()
    {
        var browser = await fixture.OperatorAsync("10000001", "001");
        var batch = await UploadAsync(browser, "baru", "dua.xlsx", UploadFixtures.Xlsx(
            [NewPerson("3578014404880021", "Dian Pratiwi", new DateTime(1988, 4, 4), "Perempuan"), NewPerson("3578014505890022", "Eka Putri", new DateTime(1989, 5, 5), "Perempuan")]));
        await fixture.AddParticipantAsync("3578014505890022"); // someone registers Eka elsewhere meanwhile

        var after = await ClickAsync(browser, batch, "Impor 2 Baris Valid");

        Assert.Contains("Data berubah sejak file diperiksa", after.GetElementById("pesan-upload")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Siap diimpor", after.GetElementById("status-upload")!.TextContent.Trim());
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Participants.AnyAsync(p => p.Nik == "3578014404880021", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AFailureMidwayThroughTheImport_LeavesNoPartialData()
    {
        var browser = await fixture.OperatorAsync("10000001", "001");
        var people = Enumerable.Range(0, 50).Select(i => NewPerson($"35780101019{i:D1}0{i:D3}".Replace("359", "35", StringComparison.Ordinal)[..16], $"Pekerja Uji {(char)('A' + (i % 26))}", new DateTime(1990, 1, 1), "Laki-laki")).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            people[i]["NIK"] = $"357801010190{i + 1:D4}";
        }

        var batch = await UploadAsync(browser, "baru", "lima-puluh.xlsx", UploadFixtures.Xlsx(people));
        Assert.Equal(("50", "50", "0"), Summary(batch));
        await fixture.FailInsertOfNikAsync("3578010101900040"); // the database refuses the 40th row

        await Assert.ThrowsAnyAsync<Exception>(() => ClickAsync(browser, batch, "Impor 50 Baris Valid"));

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        Assert.Equal(0, await db.Participants.CountAsync(p => p.Nik!.StartsWith("35780101019"), TestContext.Current.CancellationToken));
        Assert.Equal(UploadState.SiapImpor, (await db.UploadBatches.SingleAsync(b => b.FileName == "lima-puluh.xlsx", TestContext.Current.CancellationToken)).State);
    }

    [Theory]
    [InlineData("baru", "xlsx")]
    [InlineData("baru", "csv")]
    [InlineData("non-aktif", "csv")]
    [InlineData("upah", "xlsx")]
    [InlineData("lanjutan", "xlsx")]
    public async Task Templates_HaveTheColumnsTheCheckExpects_AndAnExampleNamingAWorker_NamesNobody(string kind, string extension)
    {
        var browser = await fixture.OperatorAsync("10000001", "000");

        var template = await browser.GetByteArrayAsync($"/tenaga-kerja/upload/template/{kind}.{extension}", TestContext.Current.CancellationToken);
        var page = await UploadAsync(browser, kind, "template." + extension, template);

        Assert.Equal("1", Summary(page).Total); // the example row is read (and checked) with no header complaint
        // Issue 17: the example once was a demo worker's KPJ, and an unedited template changed his wage.
        Assert.Equal(kind == "baru" ? "0" : "1", Summary(page).Refused);
    }

    /// <summary>Issue 17, item 5: one "Upload" entry; the header row says which template a file is.</summary>
    [Theory]
    [InlineData("new workers", "Upload Tenaga Kerja Baru")]
    [InlineData("wages", "Upload Perubahan Upah")]
    [InlineData("leavers", "Upload Tenaga Kerja Non Aktif")]
    [InlineData("with a kpj", "Upload Tenaga Kerja Lanjutan")]
    [InlineData("sipp online", "Upload Tenaga Kerja Baru")]
    [InlineData("unknown", null)]
    public async Task OneUploadEntry_RecognisesTheTemplate_FromTheHeaderRow_AndSaysWhichItTook(string file, string? recognisedAs)
    {
        var browser = await fixture.OperatorAsync("10000001", "000");
        var content = file switch
        {
            "new workers" => UploadFixtures.Csv(NewColumns, [NewColumns.Select(_ => (string?)"x").ToList()], Encoding.UTF8),
            "wages" => UploadFixtures.Csv(["KPJ", "Upah", "Periode Mulai"], [["00000000000", "1", "2026-04"]], Encoding.UTF8),
            "leavers" => UploadFixtures.Csv(["Nomor Pegawai", "NIK", "Tanggal Non Aktif", "Alasan"], [["X", "1", "01/04/2026", "Lainnya"]], Encoding.UTF8),
            "with a kpj" => UploadFixtures.Csv(["NO_KPJ", "NOMOR_IDENTITAS", "TANGGAL_LAHIR", "STATUS_PEGAWAI", "TGL_AWAL_BEKERJA", "UPAH"], [["00000000000", "1", "01-01-1990", "PKWTT", "01-02-2026", "1"]], Encoding.UTF8),
            "sipp online" => UploadFixtures.Xls(Sipp.Web.Features.Workers.Uploads.SippOnlineTemplate.Columns, [["K-1"]]),
            _ => UploadFixtures.Csv(["Nama", "Gaji"], [["Budi", "1"]], Encoding.UTF8),
        };

        // The notice is shown once, on the page the upload lands on.
        var page = await UploadAsync(browser, "otomatis", file == "sipp online" ? "data.xls" : "data.csv", content, waitForCheck: false);

        if (recognisedAs is null)
        {
            Assert.Contains("tidak cocok dengan template Sipp mana pun", page.GetElementById("alasan-tolak")!.TextContent, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(recognisedAs, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"File dikenali dari baris judulnya sebagai {recognisedAs}.", page.GetElementById("pesan-upload")!.TextContent.Trim());
        Assert.Equal(file == "sipp online", page.GetElementById("template-dikenali") is not null);
    }

    /// <summary>Issue 17, item 7: the check page follows the check by asking for its progress, not by reloading itself.</summary>
    [Fact]
    public async Task TheCheckPage_AsksForItsProgress_WhichEndsFinished_AndAnotherDivisionsUpload_Is404()
    {
        var browser = await fixture.OperatorAsync("10000001", "000");
        var csv = UploadFixtures.Csv(NewColumns, [NewColumns.Select(c => c == "NIK" ? "1" : "x").ToList<string?>()], Encoding.UTF8);
        var page = await UploadAsync(browser, "baru", "kemajuan.csv", csv, waitForCheck: false);
        var url = new Uri(page.Url).AbsolutePath + "/kemajuan";

        System.Text.Json.JsonElement progress;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            progress = System.Text.Json.JsonDocument.Parse(await browser.GetStringAsync(url, TestContext.Current.CancellationToken)).RootElement;
        }
        while (!progress.GetProperty("selesai").GetBoolean() && DateTime.UtcNow < deadline);

        Assert.Equal((1, 1, 1), (progress.GetProperty("diperiksa").GetInt32(), progress.GetProperty("jumlah").GetInt32(), progress.GetProperty("ditolak").GetInt32()));
        Assert.Equal("1 dari 1 baris diperiksa", progress.GetProperty("keterangan").GetString());
        var elsewhere = await fixture.OperatorAsync("10000001", "001");
        Assert.Equal(HttpStatusCode.NotFound, await elsewhere.StatusOfAsync(url));
    }

    internal static Dictionary<string, object?> NewPerson(string nik, string name, object birthDate, string sex) => new()
    {
        ["NIK"] = nik, ["Nama Lengkap"] = name, ["Tempat Lahir"] = "Surabaya", ["Tanggal Lahir"] = birthDate, ["Jenis Kelamin"] = sex,
        ["Nama Ibu Kandung"] = "Sumirah", ["Kewarganegaraan"] = "WNI", ["Nomor Paspor"] = null, ["Negara"] = null, ["Status Kawin"] = "Kawin",
        ["Alamat"] = "Jl. Darmo 10, Surabaya", ["Kode Pos"] = "60241", ["Nomor Handphone"] = "081355550000", ["Email"] = null, ["NPWP"] = null,
        ["Status Pegawai"] = "PKWTT", ["Tanggal Mulai Kerja"] = new DateTime(2026, 2, 1), ["Tanggal Akhir Kontrak"] = null,
        ["Tanggal Mulai Kepesertaan"] = "01/02/2026", ["Upah"] = "5000000",
    };

    private static (string Total, string Valid, string Refused) Summary(IDocument page)
    {
        var values = page.QuerySelectorAll("#ringkasan-upload dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.True(values.Count >= 3, page.GetElementById("alasan-tolak")?.TextContent ?? "no summary");
        return (values[0], values[1], values[2]);
    }

    private static List<IDictionary<string, object?>> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
    }

    internal static async Task<IDocument> UploadAsync(HttpClient browser, string kind, string fileName, byte[] content, bool waitForCheck = true)
    {
        var form = await HtmlPage.GetAsync(browser, "/tenaga-kerja/upload");
        var token = form.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(kind), "jenis" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        var page = await HtmlPage.ParseAsync(await browser.PostAsync("/tenaga-kerja/upload", body, TestContext.Current.CancellationToken));
        return waitForCheck ? await WaitForCheckAsync(browser, page) : page;
    }

    /// <summary>The batch page once its background check has ended (or after a minute), reloaded as a user would.</summary>
    internal static async Task<IDocument> WaitForCheckAsync(HttpClient browser, IDocument page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (page.GetElementById("status-upload")?.TextContent.Trim() == "Sedang diperiksa" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            page = await HtmlPage.GetAsync(browser, new Uri(page.Url).AbsolutePath);
        }

        return page;
    }

    internal static async Task<IDocument> ClickAsync(HttpClient browser, IDocument page, string button)
    {
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelectorAll("form").Single(f => f.QuerySelector("button")?.TextContent.Trim() == button);
        var response = await form.SubmitAsync(browser);
        response.EnsureSuccessStatusCode();
        return await HtmlPage.ParseAsync(response);
    }

    private async Task<(string[] Own, string Other)> KpjsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var own = await db.Employments.Where(e => e.Division.Company.Npp == "10000002" && e.Status == EmploymentStatus.Aktif && e.MembershipStartDate < new DateOnly(2025, 1, 1))
            .OrderBy(e => e.Participant.Kpj).Select(e => e.Participant.Kpj!).Take(5).ToArrayAsync(TestContext.Current.CancellationToken);
        var other = await db.Employments.Where(e => e.Division.Company.Npp == "10000001" && e.Participant.Kpj != null).OrderBy(e => e.Participant.Kpj).Select(e => e.Participant.Kpj!).FirstAsync(TestContext.Current.CancellationToken);
        return (own, other);
    }

    private async Task<string> NikAsync(string kpj)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Participants.Where(p => p.Kpj == kpj).Select(p => p.Nik!).SingleAsync(TestContext.Current.CancellationToken);
    }

    public sealed class Fixture : SeededWebFixture
    {
        public Task<HttpClient> OperatorAsync(string npp, string division) => HrAsync(npp, division);

        public async Task AddParticipantAsync(string nik)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
            db.Participants.Add(new Sipp.Data.Workers.Participant
            {
                Id = Guid.NewGuid(), Nik = nik, FullName = "Orang Lain", NameNormalized = "ORANG LAIN", BirthDate = new DateOnly(1989, 5, 5),
                Sex = Sipp.Domain.People.Sex.Female, Citizenship = Sipp.Domain.People.Citizenship.Wni, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        /// <summary>A real database failure while an upload is recorded: a trigger that refuses one file name.</summary>
        public async Task FailInsertOfUploadAsync(string fileName)
        {
            Assert.Matches("^[a-z.-]+$", fileName); // DDL takes no parameters: only plain names go into it
            var sql = string.Concat("CREATE TRIGGER IF NOT EXISTS refuse_upload BEFORE INSERT ON UploadBatches WHEN NEW.FileName = '", fileName, "' BEGIN SELECT RAISE(ABORT, 'ditolak oleh uji'); END;");
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Database.ExecuteSqlRawAsync(sql);
        }

        /// <summary>A real database failure in the middle of an import: a trigger that refuses one NIK.</summary>
        public async Task FailInsertOfNikAsync(string nik)
        {
            Assert.True(nik.All(char.IsAsciiDigit)); // DDL takes no parameters: only digits go into it
            var sql = string.Concat("CREATE TRIGGER IF NOT EXISTS refuse_nik BEFORE INSERT ON Participants WHEN NEW.Nik = '", nik, "' BEGIN SELECT RAISE(ABORT, 'ditolak oleh uji'); END;");
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Database.ExecuteSqlRawAsync(sql);
        }
    }

    private static bool IsThisUpload(string path, byte[] content)
    {
        try
        {
            return File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
        }
        catch (IOException)
        {
            return false; // removed meanwhile by its own test
        }
    }
}
