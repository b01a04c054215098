using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>Upload files made in code: spreadsheets with given rows, and each kind of bad file.</summary>
public static class UploadFixtures
{
    /// <summary>An .xlsx of the rows (their keys the header); with <paramref name="instructionsFirst"/>, an instruction sheet comes before the data sheet "Data TK".</summary>
    public static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows, bool instructionsFirst = false)
    {
        var path = Path.GetTempFileName() + ".xlsx";
        try
        {
            if (instructionsFirst)
            {
                var list = rows.ToList();
                var instructions = Sipp.Tests.Shared.XlsWorkbook.Instructions([.. list[0].Keys]).Skip(1)
                    .Select(i => (IDictionary<string, object?>)new Dictionary<string, object?> { ["KOLOM"] = i.Column, ["KETERANGAN"] = i.Meaning });
                MiniExcel.SaveAs(path, new Dictionary<string, object> { [Sipp.Tests.Shared.XlsWorkbook.InstructionSheet] = instructions.ToList(), ["Data TK"] = list }, excelType: ExcelType.XLSX);
                return File.ReadAllBytes(path);
            }

            MiniExcel.SaveAs(path, rows, excelType: ExcelType.XLSX);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, Encoding encoding, char delimiter = ';')
    {
        var text = new StringBuilder();
        text.Append(string.Join(delimiter, headers)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(delimiter, row.Select(v => v is null ? string.Empty : v.Contains(delimiter, StringComparison.Ordinal) ? $"\"{v}\"" : v))).Append("\r\n");
        }

        return encoding.GetPreamble().Concat(encoding.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>
    /// An .xlsx written cell by cell with the OpenXML SDK, as Excel stores it: shared strings, styles, a declared
    /// dimension. Cells are given by reference ("A1") with a value and an optional number format id of
    /// <see cref="SdkStyles"/>; <paramref name="declaredRange"/> overrides the dimension the sheet declares.
    /// </summary>
    public static byte[] SdkXlsx(IEnumerable<(string Reference, OpenXmlElement Cell)> cells, string? declaredRange = null, string? sheetXml = null)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = SdkStyles();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("NIK")),
                new SharedStringItem(new Run(new Text("Bambang ")), new Run(new Text("Suprapto"))),
                new SharedStringItem(new Text("Ani"), new PhoneticRun(new Text("アニ")) { BaseTextStartIndex = 0, EndingBaseIndex = 3 }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var rows = cells.GroupBy(c => int.Parse(c.Reference.TrimStart([.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]), System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key)
                .Select(g => new Row(g.Select(c => c.Cell)) { RowIndex = (uint)g.Key });
            sheetPart.Worksheet = new Worksheet(new SheetDimension { Reference = declaredRange ?? "A1:Z1000" }, new SheetData(rows));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Data" }));
        }

        var bytes = memory.ToArray();
        return sheetXml is null ? bytes : ReplaceEntry(bytes, "xl/worksheets/", sheetXml);
    }

    /// <summary>Cell formats: 0 general, 1 built-in date (14), 2 custom dd/mm/yyyy, 3 custom "Rp"-currency, 4 custom [h]:mm.</summary>
    public static Stylesheet SdkStyles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "[$Rp-421]#,##0;\\-#,##0\\ \"dimuka\"" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "[h]:mm" }),
        new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
        new CellFormats(
            new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14 }, new CellFormat { NumberFormatId = 164 },
            new CellFormat { NumberFormatId = 165 }, new CellFormat { NumberFormatId = 166 }));

    /// <summary>A valid .xlsx whose sheet is not well-formed XML.</summary>
    public static byte[] BrokenSheet() =>
        SdkXlsx([("A1", new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") })], sheetXml: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=");

    private static byte[] ReplaceEntry(byte[] package, string folder, string content)
    {
        using var memory = new MemoryStream();
        memory.Write(package);
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.Entries.Single(e => e.FullName.StartsWith(folder, StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write(content);
        }

        return memory.ToArray();
    }

    /// <summary>
    /// A minimal .xlsx by hand whose header cells point into its shared strings, followed there by
    /// <paramref name="fillerStrings"/> strings of <paramref name="fillerLength"/> letters that no cell uses
    /// (or the strings <paramref name="fillerOf"/> gives, by index).
    /// </summary>
    public static byte[] XlsxWithSharedStrings(
        IReadOnlyList<string> headers, int fillerStrings, int fillerLength, CompressionLevel level, Func<int, string>? fillerOf = null)
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rels = "http://schemas.openxmlformats.org/package/2006/relationships";
        const string officeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            Part("[Content_Types].xml", $"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Part("_rels/.rels", $"""<Relationships xmlns="{rels}"><Relationship Id="rId1" Type="{officeRels}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", $"""<workbook xmlns="{main}" xmlns:r="{officeRels}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="{rels}"><Relationship Id="rId1" Type="{officeRels}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{officeRels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            var cells = string.Concat(headers.Select((_, i) => $"""<c r="{(char)('A' + i)}1" t="s"><v>{i}</v></c>"""));
            Part("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{main}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>""");
            using var strings = new StreamWriter(archive.CreateEntry("xl/sharedStrings.xml", level).Open(), new UTF8Encoding(false));
            strings.Write($"""<sst xmlns="{main}">""");
            foreach (var header in headers)
            {
                strings.Write($"<si><t>{header}</t></si>");
            }

            var filler = "<si><t>" + new string('A', fillerLength) + "</t></si>";
            for (var i = 0; i < fillerStrings; i++)
            {
                strings.Write(fillerOf is null ? filler : "<si><t>" + fillerOf(i) + "</t></si>");
            }

            strings.Write("</sst>");
        }

        return memory.ToArray();
    }

    /// <summary>A valid-looking zip whose one entry unpacks to far more than it weighs.</summary>
    public static byte[] ZipBomb()
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("xl/workbook.xml").Open().Dispose();
            using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++)
            {
                entry.Write(zeros);
            }
        }

        return memory.ToArray();
    }

    /// <summary>The start of an OLE compound file; with the stream name of an encrypted Office package when asked.</summary>
    public static byte[] OleCompound(bool encrypted)
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        if (encrypted)
        {
            Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1024);
        }

        return bytes;
    }

    /// <summary>An Excel 97–2003 workbook (.xls) with these headers and rows (<see cref="Sipp.Tests.Shared.XlsWorkbook"/>).</summary>
    /// <summary>
    /// SIPP Online's data_tk_baru saved by LibreOffice as Excel 97–2003 with a password to open (RC4, as Excel writes it);
    /// kept in Workers/Uploads/Fixtures because no .xls writer here encrypts (encrypt-xls.py there makes it again).
    /// </summary>
    public static byte[] PasswordProtectedXls() =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Workers", "Uploads", "Fixtures", "data_tk_baru-berpassword.xls"));

    public static byte[] Xls(
        IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<string>? sheetsAfter = null, bool instructionsFirst = false) =>
        Sipp.Tests.Shared.XlsWorkbook.Write(headers, rows, sheetsAfter, instructionsFirst);
}
