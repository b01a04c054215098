using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Workers.AddWorker;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Workers.Uploads;

/// <summary>
/// Issue 17, item 3: most people who change jobs already have a KPJ. "Upload Tenaga Kerja Lanjutan" enrols them in bulk,
/// each row checked exactly as "Tambah Tenaga Kerja — Ya": a KPJ whose person has another NIK or birth date, and a KPJ
/// that does not exist, get the same neutral message; SIPP Online's column names are taken as aliases.
/// </summary>
public class ContinuingWorkersUploadTests(ContinuingWorkersUploadTests.Fixture fixture) : IClassFixture<ContinuingWorkersUploadTests.Fixture>
{
    private static readonly string[] Columns = ["KPJ", "NIK", "Tanggal Lahir", "Nomor Pegawai", "Status Pegawai", "Tanggal Mulai Kerja", "Upah"];

    [Fact]
    public async Task WorkersWithAKpj_AreCheckedAsTheYaPath_RevealNothingOnAMismatch_AndJoinActive()
    {
        var people = await fixture.PeopleOfAsync("10000002", 4);
        var here = await fixture.PeopleOfAsync("10000001", 1);
        var (a, b, c) = (people[0], people[1], here[0]);
        var browser = await fixture.HrAsync("10000001", "000");
        string?[] Row(Person p, DateOnly birth, string number) =>
            [p.Kpj, p.Nik, birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), number, "PKWTT", "01/02/2026", "6000000"];
        var csv = UploadFixtures.Csv(Columns,
        [
            Row(a, a.BirthDate, "L-1"),                                   // row 2: good
            Row(b, b.BirthDate.AddDays(1), "L-2"),                        // row 3: the KPJ's person has another birth date
            Row(b with { Kpj = "00000000000" }, b.BirthDate, "L-3"),      // row 4: no such KPJ
            Row(c, c.BirthDate, "L-4"),                                   // row 5: already a worker of this division
            Row(a, a.BirthDate, "L-5"),                                   // row 6: the same person again
        ], Encoding.UTF8);

        var batch = await UploadTests.UploadAsync(browser, "lanjutan", "lanjutan.csv", csv);

        var refused = batch.QuerySelectorAll("#baris-ditolak tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[2].TextContent.Trim());
        Assert.True(refused.Keys.Order(StringComparer.Ordinal).SequenceEqual(["3", "4", "5", "6"]), string.Join(" | ", refused.Select(r => r.Key + ": " + r.Value)));
        // A wrong birth date and a KPJ that does not exist read the same: the file cannot probe the registry.
        Assert.Equal($"KPJ «{b.Kpj}»: {WorkerEnrolment.NoMatch}", refused["3"]);
        Assert.Equal($"KPJ «00000000000»: {WorkerEnrolment.NoMatch}", refused["4"]);
        Assert.Contains("sudah terdaftar sebagai tenaga kerja di divisi ini", refused["5"], StringComparison.Ordinal);
        Assert.Contains("muncul lebih dari sekali", refused["6"], StringComparison.Ordinal);

        await UploadTests.ClickAsync(browser, batch, "Impor 1 Baris Valid");
        var joined = await fixture.EmploymentAsync(a.Kpj, "10000001");
        Assert.Equal((EmploymentStatus.Aktif, "L-1", new DateOnly(2026, 2, 1), 6_000_000L), (joined.Status, joined.EmployeeNumber, joined.MembershipStartDate, joined.LatestUpah));
        Assert.NotNull(joined.VerifiedAt);
    }

    [Fact]
    public async Task SippOnlinesColumnNames_AreTakenAsAliases_WithItsDates()
    {
        var person = (await fixture.PeopleOfAsync("10000002", 6))[5];
        var browser = await fixture.HrAsync("10000001", "001");
        var csv = UploadFixtures.Csv(
            ["NO_KPJ", "NOMOR_IDENTITAS", "TANGGAL_LAHIR", "NO_PEGAWAI", "STATUS_PEGAWAI", "TGL_AWAL_BEKERJA", "TGL_AKHIR_KONTRAK", "UPAH"],
            [[person.Kpj, person.Nik, person.BirthDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), "SIPP-9", "PKWT", "02-02-2026", "31-01-2027", "7000000"]],
            Encoding.UTF8);

        var batch = await UploadTests.UploadAsync(browser, "lanjutan", "data_tk_lanjutan.csv", csv);
        await UploadTests.ClickAsync(browser, batch, "Impor 1 Baris Valid");

        var joined = await fixture.EmploymentAsync(person.Kpj, "10000001", "001");
        Assert.Equal((EmploymentType.Pkwt, new DateOnly(2027, 1, 31), new DateOnly(2026, 2, 2), "SIPP-9"), (joined.EmploymentType, joined.ContractEndDate, joined.MembershipStartDate, joined.EmployeeNumber));
    }

    public sealed record Person(string Kpj, string Nik, DateOnly BirthDate);

    public sealed class Fixture : SeededWebFixture
    {
        /// <summary>Active workers of a company with a KPJ and a NIK, in KPJ order, who work nowhere else.</summary>
        public async Task<List<Person>> PeopleOfAsync(string npp, int count)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
                .Where(e => e.Division.Company.Npp == npp && e.Status == EmploymentStatus.Aktif && e.Participant.Kpj != null && e.Participant.Nik != null
                    && e.Participant.Employments.Count == 1)
                .OrderBy(e => e.Participant.Kpj).Take(count)
                .Select(e => new Person(e.Participant.Kpj!, e.Participant.Nik!, e.Participant.BirthDate)).ToListAsync(TestContext.Current.CancellationToken);
        }

        public async Task<Sipp.Data.Workers.Employment> EmploymentAsync(string kpj, string npp, string division = "000")
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Employments
                .SingleAsync(e => e.Participant.Kpj == kpj && e.Division.Company.Npp == npp && e.Division.Code == division, TestContext.Current.CancellationToken);
        }
    }
}
