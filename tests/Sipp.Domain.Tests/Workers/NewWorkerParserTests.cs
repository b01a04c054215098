using Sipp.Domain.People;
using Sipp.Domain.Workers;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Domain.Tests.Workers;

public class NewWorkerParserTests
{
    private static Dictionary<string, string?> Valid() => new()
    {
        [F.Nik] = "3171015708850002", [F.FullName] = "  siti   AMINAH ", [F.BirthPlace] = "Jakarta", [F.BirthDate] = "17/08/1985",
        [F.Sex] = "Perempuan", [F.MotherMaidenName] = "Sumiati", [F.Citizenship] = "WNI", [F.MaritalStatus] = "Kawin",
        [F.Address] = "Jl. Melati No. 5, Jakarta Selatan", [F.PostalCode] = "12730", [F.Phone] = "0812-1111-2222",
        [F.Email] = "Siti@Contoh.co.id", [F.Npwp] = "01.234.567.8-901.000", [F.EmploymentType] = "PKWT",
        [F.WorkStart] = "2026-01-05", [F.ContractEnd] = "2026-12-31", [F.MembershipStart] = "2026-02-01", [F.Wage] = "Rp 5.500.000",
    };

    [Fact]
    public void AValidWniRow_IsParsedAndNormalised()
    {
        var (worker, errors) = NewWorkerParser.Parse(Valid());

        Assert.Empty(errors);
        Assert.NotNull(worker);
        Assert.Equal("3171015708850002", worker.Nik!.Value.Value);
        Assert.Equal("siti AMINAH", worker.FullName.Value);
        Assert.Equal(new DateOnly(1985, 8, 17), worker.BirthDate);
        Assert.Equal(Sex.Female, worker.Sex);
        Assert.Equal("+6281211112222", worker.Phone!.Value.Value);
        Assert.Equal("siti@contoh.co.id", worker.Email!.Value.Value);
        Assert.Equal("0012345678901000", worker.Npwp!.Value.Value);
        Assert.Equal(new NewEmployment(EmploymentType.Pkwt, new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31), new DateOnly(2026, 2, 1), 5_500_000), worker.Employment);
    }

    [Fact]
    public void AValidWnaRow_HasPassportAndCountryInsteadOfNik()
    {
        var row = Valid();
        row[F.Nik] = null;
        row[F.Citizenship] = "wna";
        row[F.Passport] = "a1234567";
        row[F.Country] = "my";

        var (worker, errors) = NewWorkerParser.Parse(row);

        Assert.Empty(errors);
        Assert.Null(worker!.Nik);
        Assert.Equal("A1234567", worker.Passport!.Value.Value);
        Assert.Equal("MY", worker.Country!.Value.Value);
    }

    [Theory]
    [InlineData(F.Nik, "3171011708850002", "NIK menunjukkan laki-laki")]                 // day without +40 for a woman
    [InlineData(F.Nik, "3171015709850002", "Tanggal lahir pada NIK (17) tidak sesuai")]  // wrong day... as birth date differs
    [InlineData(F.Nik, "12345", "NIK harus terdiri dari 16 angka.")]
    [InlineData(F.Sex, "X", "Jenis Kelamin harus salah satu dari")]
    [InlineData(F.BirthDate, "31/02/1985", "Tanggal Lahir harus tanggal yang valid")]
    [InlineData(F.PostalCode, "1273", "Kode Pos harus 5 angka.")]
    [InlineData(F.Phone, "021-555-1234", "Nomor Handphone harus diawali")]
    [InlineData(F.Email, "bukan-email", "Format email tidak valid")]
    [InlineData(F.Wage, "0", "Upah harus antara Rp 1")]
    [InlineData(F.Wage, "lima juta", "Upah harus bilangan bulat rupiah")]
    [InlineData(F.ContractEnd, "", "wajib diisi untuk PKWT")]
    [InlineData(F.ContractEnd, "2026-01-01", "harus sesudah Tanggal Mulai Kerja")]
    [InlineData(F.MembershipStart, "2025-12-01", "tidak boleh sebelum Tanggal Mulai Kerja")]
    [InlineData(F.MaritalStatus, "Duda", "Status Kawin harus salah satu dari")]
    [InlineData(F.FullName, "Siti 2", "Nama Lengkap hanya boleh berisi huruf")]
    public void EachBrokenRule_IsReportedOnItsField(string field, string value, string message)
    {
        var row = Valid();
        row[field] = value;
        if (field == F.Nik && value == "3171015709850002")
        {
            row[F.BirthDate] = "17/08/1985"; // NIK says 17-09
        }

        var (worker, errors) = NewWorkerParser.Parse(row);

        Assert.Null(worker);
        Assert.Contains(errors[field], m => m.Contains(message, StringComparison.Ordinal) || (field == F.Nik && m.Contains("Bulan lahir pada NIK", StringComparison.Ordinal)));
    }

    [Fact]
    public void AWnaWithANik_OrWithIndonesiaAsCountry_IsRefused()
    {
        var row = Valid();
        row[F.Citizenship] = "WNA";
        row[F.Passport] = "B7654321";
        row[F.Country] = "ID";

        var (_, errors) = NewWorkerParser.Parse(row);

        Assert.Contains(errors[F.Nik], m => m.Contains("tidak memiliki NIK", StringComparison.Ordinal));
        Assert.Contains(errors[F.Country], m => m.Contains("tidak boleh Indonesia", StringComparison.Ordinal));
    }

    [Fact]
    public void AWorkerYoungerThan15AtTheStart_IsRefused()
    {
        var row = Valid();
        row[F.Nik] = "3171015708120002";
        row[F.BirthDate] = "17/08/2012";

        var (_, errors) = NewWorkerParser.Parse(row);

        Assert.Contains(errors[F.BirthDate], m => m.Contains("minimal 15 tahun", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryMissingRequiredField_IsReportedAtOnce()
    {
        var (_, errors) = NewWorkerParser.Parse(new Dictionary<string, string?>());

        foreach (var field in new[] { F.Nik, F.FullName, F.BirthPlace, F.BirthDate, F.Sex, F.MotherMaidenName, F.Citizenship, F.MaritalStatus, F.Address, F.PostalCode, F.EmploymentType, F.WorkStart, F.MembershipStart, F.Wage })
        {
            Assert.True(errors.ContainsKey(field), field);
        }

        Assert.False(errors.ContainsKey(F.Email));
        Assert.False(errors.ContainsKey(F.Npwp));
    }
}
