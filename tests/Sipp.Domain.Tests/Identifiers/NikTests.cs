using Sipp.Domain.Identifiers;
using Sipp.Domain.People;
using static Sipp.Domain.Tests.TestRules;

namespace Sipp.Domain.Tests.Identifiers;

public class NikTests
{
    [Theory]
    [InlineData("3171011705900001", "3171011705900001")]
    [InlineData("3171 0117 0590 0001", "3171011705900001")] // spaces typed by users
    [InlineData("3171.0117.0590.0001", "3171011705900001")] // dots typed by users
    [InlineData("3578015708850002", "3578015708850002")]   // woman born 17-08-1985 (17 + 40 = 57)
    [InlineData("9601012902000001", "9601012902000001")]   // 29 February 2000
    [InlineData("1101017112990009", "1101017112990009")]   // woman born 31-12-1999
    public void ValidNik_IsAccepted_AndNormalised(string input, string expected)
    {
        Assert.True(Nik.TryParse(input, out var nik, out var error), error);
        Assert.Equal(expected, nik.Value);
    }

    [Theory]
    [InlineData("", "NIK wajib diisi.")]
    [InlineData("317101170590000", "NIK harus terdiri dari 16 angka.")]
    [InlineData("31710117059000011", "NIK harus terdiri dari 16 angka.")]
    [InlineData("317101170590000A", "NIK harus terdiri dari 16 angka.")]
    [InlineData("2071011705900001", "Kode provinsi pada NIK (20) tidak dikenal.")]
    [InlineData("1071011705900001", "Kode provinsi pada NIK (10) tidak dikenal.")]
    [InlineData("9771011705900001", "Kode provinsi pada NIK (97) tidak dikenal.")]
    [InlineData("3100011705900001", "Kode kabupaten/kota pada NIK (digit 3–4) tidak boleh 00.")]
    [InlineData("3171001705900001", "Kode kecamatan pada NIK (digit 5–6) tidak boleh 00.")]
    [InlineData("3171010005900001", "Tanggal lahir pada NIK (digit 7–8) harus 01–31, atau 41–71 untuk perempuan.")]
    [InlineData("3171013205900001", "Tanggal lahir pada NIK (digit 7–8) harus 01–31, atau 41–71 untuk perempuan.")]
    [InlineData("3171014005900001", "Tanggal lahir pada NIK (digit 7–8) harus 01–31, atau 41–71 untuk perempuan.")]
    [InlineData("3171017205900001", "Tanggal lahir pada NIK (digit 7–8) harus 01–31, atau 41–71 untuk perempuan.")]
    [InlineData("3171011713900001", "Bulan lahir pada NIK (digit 9–10) harus 01–12.")]
    [InlineData("3171011700900001", "Bulan lahir pada NIK (digit 9–10) harus 01–12.")]
    [InlineData("3171013102900001", "Tanggal lahir pada NIK tidak ada di kalender.")] // 31 February
    [InlineData("3171012902010001", "Tanggal lahir pada NIK tidak ada di kalender.")] // 29 February 1901/2001
    [InlineData("3171017104900001", "Tanggal lahir pada NIK tidak ada di kalender.")] // woman, 31 April
    [InlineData("3171011705900000", "Nomor urut pada NIK (4 digit terakhir) tidak boleh 0000.")]
    public void InvalidNik_IsRefused_WithTheReason(string input, string expected)
    {
        Assert.False(Nik.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("3171011705900001", "1990-05-17", Sex.Male, null)]
    [InlineData("3578015708850002", "1985-08-17", Sex.Female, null)]
    [InlineData("3171011705900001", "1990-05-18", Sex.Male, "Tanggal lahir pada NIK (17) tidak sesuai dengan Tanggal Lahir (18).")]
    [InlineData("3171011705900001", "1990-06-17", Sex.Male, "Bulan lahir pada NIK (05) tidak sesuai dengan Tanggal Lahir (06).")]
    [InlineData("3171011705900001", "1991-05-17", Sex.Male, "Tahun lahir pada NIK (90) tidak sesuai dengan Tanggal Lahir (91).")]
    [InlineData("3171011705900001", "1990-05-17", Sex.Female, "NIK menunjukkan laki-laki, tidak sesuai dengan Jenis Kelamin (untuk perempuan tanggal lahir pada NIK ditambah 40).")]
    [InlineData("3578015708850002", "1985-08-17", Sex.Male, "NIK menunjukkan perempuan (tanggal lahir + 40), tidak sesuai dengan Jenis Kelamin.")]
    public void CrossCheck_NamesThePartThatDisagrees(string nik, string birthDate, Sex sex, string? expected)
    {
        Assert.Equal(expected, Nik.Parse(nik).CheckAgainst(Date(birthDate), sex));
    }

    [Fact]
    public void Masked_ShowsOnlyTheLastFourDigits()
    {
        Assert.Equal("************0001", Nik.Parse("3171011705900001").Masked);
    }

    [Fact]
    public void Parse_ThrowsAValidationErrorOnTheGivenField()
    {
        var error = Assert.Throws<DomainValidationException>(() => Nik.Parse("123", "NIK"));

        Assert.Equal("NIK harus terdiri dari 16 angka.", error.Errors["NIK"][0]);
    }
}
