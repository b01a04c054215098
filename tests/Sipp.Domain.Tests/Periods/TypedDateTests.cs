using Sipp.Domain.Periods;

namespace Sipp.Domain.Tests.Periods;

public class TypedDateTests
{
    [Theory]
    [InlineData("20/03/2026", 2026, 3, 20)]
    [InlineData("5/3/2026", 2026, 3, 5)]
    [InlineData(" 2026-03-20 ", 2026, 3, 20)] // files and older forms
    [InlineData("20-03-2026", 2026, 3, 20)] // SIPP Online's files
    public void ADateTypedTheIndonesianWay_IsDayMonthYear(string typed, int year, int month, int day)
    {
        Assert.True(TypedDate.TryParse(typed, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("03/20/2026")] // an American browser's order: no month 20
    [InlineData("31/02/2026")]
    [InlineData("20 Maret 2026")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElse_IsNotADate(string? typed) => Assert.False(TypedDate.TryParse(typed, out _));

    [Fact]
    public void FormsShowADate_AsItIsTyped() =>
        Assert.Equal("05/03/2026", TypedDate.ForInput("2026-03-05"));

    [Fact]
    public void AValueThatIsNotADate_IsShownBackAsTyped() =>
        Assert.Equal("32/01/2026", TypedDate.ForInput("32/01/2026"));
}
