using Sipp.Domain.Money;

namespace Sipp.Domain.Tests.Money;

public class TerbilangTests
{
    [Theory]
    [InlineData(0, "Nol rupiah")]
    [InlineData(1, "Satu rupiah")]
    [InlineData(10, "Sepuluh rupiah")]
    [InlineData(11, "Sebelas rupiah")]
    [InlineData(15, "Lima belas rupiah")]
    [InlineData(21, "Dua puluh satu rupiah")]
    [InlineData(100, "Seratus rupiah")]
    [InlineData(111, "Seratus sebelas rupiah")]
    [InlineData(250, "Dua ratus lima puluh rupiah")]
    [InlineData(1_000, "Seribu rupiah")]
    [InlineData(1_500, "Seribu lima ratus rupiah")]
    [InlineData(11_000, "Sebelas ribu rupiah")]
    [InlineData(100_000, "Seratus ribu rupiah")]
    [InlineData(1_000_000, "Satu juta rupiah")]
    [InlineData(5_500_000, "Lima juta lima ratus ribu rupiah")]
    [InlineData(1_001_001, "Satu juta seribu satu rupiah")]
    [InlineData(75_493_650, "Tujuh puluh lima juta empat ratus sembilan puluh tiga ribu enam ratus lima puluh rupiah")]
    [InlineData(2_000_000_000, "Dua miliar rupiah")]
    [InlineData(129_086_733_278, "Seratus dua puluh sembilan miliar delapan puluh enam juta tujuh ratus tiga puluh tiga ribu dua ratus tujuh puluh delapan rupiah")]
    [InlineData(1_000_000_000_000, "Satu triliun rupiah")]
    public void AnAmount_InIndonesianWords(long rupiah, string words) => Assert.Equal(words, Terbilang.Of(rupiah));
}
