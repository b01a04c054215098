using Sipp.Domain.Identifiers;

namespace Sipp.Domain.Tests.Identifiers;

public class IdentifierTests
{
    [Theory]
    [InlineData("90000000001", true, "90000000001")]
    [InlineData(" 900.000.000-01 ", true, "90000000001")]
    [InlineData("9000000000", false, "Nomor Peserta (KPJ) harus terdiri dari 11 angka.")]
    [InlineData("900000000012", false, "Nomor Peserta (KPJ) harus terdiri dari 11 angka.")]
    [InlineData("9000000000X", false, "Nomor Peserta (KPJ) harus terdiri dari 11 angka.")]
    [InlineData("", false, "Nomor Peserta (KPJ) wajib diisi.")]
    public void Kpj_IsExactly11Digits(string input, bool valid, string expected)
    {
        Assert.Equal(valid, Kpj.TryParse(input, out var kpj, out var error));
        Assert.Equal(expected, valid ? kpj.Value : error);
    }

    [Theory]
    [InlineData("10000001", true, "10000001")]
    [InlineData(" 10000001 ", true, "10000001")]
    [InlineData("1000001", false, "NPP harus terdiri dari 8 angka.")]
    [InlineData("1000000A", false, "NPP harus terdiri dari 8 angka.")]
    [InlineData(null, false, "NPP wajib diisi.")]
    public void Npp_IsExactly8Digits(string? input, bool valid, string expected)
    {
        Assert.Equal(valid, Npp.TryParse(input, out var npp, out var error));
        Assert.Equal(expected, valid ? npp.Value : error);
    }

    [Theory]
    [InlineData("000", true)]
    [InlineData("001", true)]
    [InlineData("01", false)]
    [InlineData("0001", false)]
    [InlineData("A01", false)]
    public void Division_IsExactly3Digits(string input, bool valid)
    {
        Assert.Equal(valid, DivisionCode.TryParse(input, out var division, out _));
        if (valid)
        {
            Assert.Equal(input == "000", division.IsHeadOffice);
        }
    }

    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("0812345678", "+62812345678")]       // 10 digits with the leading 0
    [InlineData("0812345678901", "+62812345678901")] // 13 digits with the leading 0
    public void Phone_IsStoredAsPlus628(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(input).Value);
    }

    [Theory]
    [InlineData("08123456", "Nomor Handphone harus 10–13 angka (ditulis dengan awalan 0).")]
    [InlineData("08123456789012", "Nomor Handphone harus 10–13 angka (ditulis dengan awalan 0).")]
    [InlineData("0212345678", "Nomor Handphone harus diawali 08, 628 atau +628 dan hanya berisi angka.")]
    [InlineData("81234567890", "Nomor Handphone harus diawali 08, 628 atau +628.")]
    [InlineData("+6581234567", "Nomor Handphone harus diawali 08, 628 atau +628.")]
    [InlineData("0812345678a", "Nomor Handphone harus diawali 08, 628 atau +628 dan hanya berisi angka.")]
    public void Phone_Invalid_IsRefused(string input, string expected)
    {
        Assert.False(PhoneNumber.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Phone_MaskedShowsOnlyPrefixAndLastFour()
    {
        Assert.Equal("0812****7890", PhoneNumber.Parse("081234567890").Masked);
    }

    [Theory]
    [InlineData("01.234.567.8-901.000", "0012345678901000")] // legacy 15 digits
    [InlineData("012345678901000", "0012345678901000")]
    [InlineData("3171011705900001", "3171011705900001")]     // 16 digits (a NIK)
    public void Npwp_IsStoredAs16Digits(string input, string expected)
    {
        Assert.Equal(expected, Npwp.Parse(input).Value);
    }

    [Theory]
    [InlineData("12345678901234")]
    [InlineData("12345678901234567")]
    [InlineData("01.234.567.8-901.00A")]
    public void Npwp_Invalid_IsRefused(string input)
    {
        Assert.False(Npwp.TryParse(input, out _, out var error));
        Assert.Equal("NPWP harus 15 angka (format lama 99.999.999.9-999.999) atau 16 angka.", error);
    }

    [Theory]
    [InlineData("  HRD@Contoh.CO.ID ", "hrd@contoh.co.id")]
    [InlineData("a.b-c@sub.domain.id", "a.b-c@sub.domain.id")]
    public void Email_IsTrimmedAndLowerCased(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Parse(input).Value);
    }

    [Theory]
    [InlineData("hrd.contoh.co.id")]
    [InlineData("hrd@@contoh.co.id")]
    [InlineData("hrd@contoh@co.id")]
    [InlineData("hrd@contoh")]
    [InlineData("@contoh.co.id")]
    [InlineData("hrd@.co.id")]
    [InlineData("hrd@contoh.")]
    [InlineData("hr d@contoh.co.id")]
    public void Email_Invalid_IsRefused(string input)
    {
        Assert.False(EmailAddress.TryParse(input, out _, out _));
    }

    [Fact]
    public void Email_LongerThan254_IsRefused()
    {
        var email = new string('a', 64) + "@" + new string('b', 186) + ".com"; // 255 characters
        Assert.False(EmailAddress.TryParse(email, out _, out var error));
        Assert.Equal("Email paling panjang 254 karakter.", error);
    }

    [Theory]
    [InlineData("79927398713", true)]   // the classic Luhn example
    [InlineData("79927398710", false)]
    [InlineData("7992739871", false)]   // 10 digits
    public void KodeIuran_ChecksItsLuhnDigit(string input, bool valid)
    {
        Assert.Equal(valid, KodeIuran.TryParse(input, out _, out _));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1234567890L)]
    [InlineData(9999999999L)]
    public void KodeIuran_FromPayload_IsValidAndCatchesEverySingleDigitTypo(long payload)
    {
        var code = KodeIuran.FromPayload(payload).Value;

        Assert.Equal(11, code.Length);
        Assert.True(KodeIuran.TryParse(code, out _, out _));
        for (var position = 0; position < code.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == code[position])
                {
                    continue;
                }

                var typo = code[..position] + digit + code[(position + 1)..];
                Assert.False(KodeIuran.TryParse(typo, out _, out _), typo);
            }
        }
    }

    [Theory]
    [InlineData("  budi   santoso ", "budi santoso")]
    [InlineData("Siti Nur'aini", "Siti Nur'aini")]
    [InlineData("I Gusti Ngurah Rai, Jr.", "I Gusti Ngurah Rai, Jr.")]
    [InlineData("Nguyễn Văn-An", "Nguyễn Văn-An")]
    [InlineData("山田太郎", "山田太郎")]
    public void Name_IsTrimmedAndCollapsed_AnyScriptAllowed(string input, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(input).Value);
    }

    [Theory]
    [InlineData("", "Nama wajib diisi.")]
    [InlineData("   ", "Nama wajib diisi.")]
    [InlineData("Budi2", "Nama hanya boleh berisi huruf, spasi dan tanda ' . , - (gelar diisi terpisah).")]
    [InlineData("Budi (S.T.)", "Nama hanya boleh berisi huruf, spasi dan tanda ' . , - (gelar diisi terpisah).")]
    [InlineData("--", "Nama harus memuat huruf.")]
    public void Name_Invalid_IsRefused(string input, string expected)
    {
        Assert.False(PersonName.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Name_LongerThan100_IsRefused()
    {
        Assert.False(PersonName.TryParse(new string('a', 101), out _, out var error));
        Assert.Equal("Nama paling panjang 100 karakter.", error);
        Assert.True(PersonName.TryParse(new string('a', 100), out _, out _));
    }

    [Theory]
    [InlineData("BUDI  SANTOSO", "budi santoso", true)]
    [InlineData(" Budi Santoso ", "Budi Santoso", true)]
    [InlineData("Budi Santosa", "Budi Santoso", false)]
    public void SameName_IgnoresCaseAndSpacing(string a, string b, bool expected)
    {
        Assert.Equal(expected, PersonName.SameName(a, b));
    }

    [Theory]
    [InlineData("a1234567", true, "A1234567")]
    [InlineData("X12345", true, "X12345")]
    [InlineData("X1234", false, "Nomor Paspor harus 6–12 huruf dan angka.")]
    [InlineData("X123456789012", false, "Nomor Paspor harus 6–12 huruf dan angka.")]
    [InlineData("X1234/67", false, "Nomor Paspor harus 6–12 huruf dan angka.")]
    public void Passport_Is6To12LettersAndDigits(string input, bool valid, string expected)
    {
        Assert.Equal(valid, PassportNumber.TryParse(input, out var passport, out var error));
        Assert.Equal(expected, valid ? passport.Value : error);
    }

    [Theory]
    [InlineData("my", true)]
    [InlineData("SG", true)]
    [InlineData("JP", true)]
    [InlineData("XX", false)]
    [InlineData("MYS", false)]
    public void Country_IsAnIso3166Alpha2Code(string input, bool valid)
    {
        Assert.Equal(valid, CountryCode.TryParse(input, out _, out _));
    }
}
