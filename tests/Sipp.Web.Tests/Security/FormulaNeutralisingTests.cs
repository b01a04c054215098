using Sipp.Web.Infrastructure.Files;

namespace Sipp.Web.Tests.Security;

/// <summary>
/// The one neutralising function behind every spreadsheet Sipp writes: the reports (CSV, XLSX) and the checked copy of
/// an upload. Tab and carriage return count too: some spreadsheets skip them and then read a formula.
/// </summary>
public class FormulaNeutralisingTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://contoh.test\",\"klik\")")]
    [InlineData("+62 Rumus")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void TextASpreadsheetCouldRun_GetsALeadingApostrophe(string text)
    {
        Assert.Equal("'" + text, CellText.Neutralise(text));
    }

    [Theory]
    [InlineData("Budi Santoso")]
    [InlineData(" =1+1")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherText_IsWrittenAsItIs(string? text)
    {
        Assert.Equal(text, CellText.Neutralise(text));
    }
}
