using DocumentFormat.OpenXml.Spreadsheet;
using Sipp.Web.Infrastructure.Files;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Workers.Uploads;

/// <summary>The sheet reader against workbooks written by the OpenXML SDK the way Excel stores them.</summary>
public sealed class XlsxSheetReaderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sipp-reader-{Guid.NewGuid():N}.xlsx");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void EveryKindOfCell_IsReadAsTheValueExcelShows()
    {
        File.WriteAllBytes(_path, UploadFixtures.SdkXlsx(
        [
            ("A1", Shared("A1", 0)), ("B1", Shared("B1", 1)), ("C1", Shared("C1", 2)),
            ("A2", Number("A2", "3201120101900001")), ("B2", Inline("B2", "Siti ", "Rahayu")), ("C2", Number("C2", "45658", style: 1)),
            ("D2", Number("D2", "45689", style: 2)), ("E2", Number("E2", "5250000", style: 3)), ("F2", Number("F2", "1.5", style: 4)),
            ("G2", new Cell { CellReference = "G2", DataType = CellValues.Boolean, CellValue = new CellValue("1") }),
            ("H2", new Cell { CellReference = "H2", DataType = CellValues.Error, CellValue = new CellValue("#N/A") }),
            ("I2", new Cell { CellReference = "I2", DataType = CellValues.String, CellValue = new CellValue("=rumus") }),
        ]));

        var rows = XlsxSheetReader.Rows(_path, new SheetLimits(100, 1_000_000, 1_000_000), cancellationToken: TestContext.Current.CancellationToken).ToList();

        Assert.Equal([1, 2], rows.Select(r => r.Number));
        Assert.Equal(["NIK", "Bambang Suprapto", "Ani"], rows[0].Cells.OrderBy(c => c.Key).Select(c => c.Value)); // runs joined, phonetic guide left out
        var cells = rows[1].Cells;
        Assert.Equal(3201120101900001d, cells[0]);
        Assert.Equal("Siti Rahayu", cells[1]);
        Assert.Equal(new DateTime(2025, 1, 1), cells[2]); // built-in date format 14
        Assert.Equal(new DateTime(2025, 2, 1), cells[3]); // custom dd/mm/yyyy
        Assert.Equal(5_250_000d, cells[4]); // a currency format with quoted text and a locale tag is not a date
        Assert.IsType<DateTime>(cells[5]); // elapsed time [h]:mm is a time
        Assert.Equal(true, cells[6]);
        Assert.False(cells.ContainsKey(7)); // an error value reads as an empty cell
        Assert.Equal("=rumus", cells[8]);
    }

    [Fact]
    public void CellsWithoutReferences_FollowTheirNeighbours_AndGapsStayEmpty()
    {
        File.WriteAllBytes(_path, UploadFixtures.SdkXlsx(
        [
            ("A1", Number("A1", "1")), ("A1", Number(null, "2")), ("A1", Number("E1", "5")), ("A1", Number(null, "6")),
            ("A3", Number("A3", "7")),
        ]));

        var rows = XlsxSheetReader.Rows(_path, new SheetLimits(100, 1_000_000, 1_000_000), cancellationToken: TestContext.Current.CancellationToken).ToList();

        Assert.Equal([1, 3], rows.Select(r => r.Number)); // row 2 is absent, and the numbers say so
        Assert.Equal(new Dictionary<int, object> { [0] = 1d, [1] = 2d, [4] = 5d, [5] = 6d }, rows[0].Cells);
    }

    [Theory]
    [InlineData("A1:T100001", 100_001)]
    [InlineData("A1", 1)]
    [InlineData("$A$1:$AB$250", 250)]
    public void TheDeclaredSize_IsReadWithoutReadingRows(string range, int lastRow)
    {
        File.WriteAllBytes(_path, UploadFixtures.SdkXlsx([("A1", Number("A1", "1"))], declaredRange: range));

        Assert.Equal(lastRow, XlsxSheetReader.DeclaredLastRow(_path));
    }

    [Fact]
    public void ASheetWithoutADeclaredSize_SaysSo()
    {
        // MiniExcel declares no size when it writes a sequence it has not counted.
        File.WriteAllBytes(_path, UploadFixtures.Xlsx(Enumerable.Range(1, 3).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?> { ["A"] = i })));

        Assert.Null(XlsxSheetReader.DeclaredLastRow(_path));
        Assert.Equal([1, 2, 3, 4], XlsxSheetReader.Rows(_path, new SheetLimits(100, 1_000_000, 1_000_000), cancellationToken: TestContext.Current.CancellationToken).Select(r => r.Number));
    }

    private static Cell Shared(string reference, int index) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    private static Cell Number(string? reference, string value, uint style = 0) => new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : style };

    private static Cell Inline(string reference, params string[] runs) =>
        new(new InlineString(runs.Select(r => new Run(new Text(r) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })))) { CellReference = reference, DataType = CellValues.InlineString };
}
