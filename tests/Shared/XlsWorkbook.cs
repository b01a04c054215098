namespace Sipp.Tests.Shared;

/// <summary>Old Excel files made in code for the tests (linked into the web and browser test projects).</summary>
public static class XlsWorkbook
{
    /// <summary>
    /// An Excel 97–2003 workbook (.xls, BIFF8) written by NPOI: text, numbers and real dates (date-formatted numbers) as
    /// Excel stores them; after the data sheet come sheets named in <paramref name="sheetsAfter"/> (code lists, as SIPP
    /// Online's templates have); with <paramref name="instructionsFirst"/>, an instruction sheet comes before it.
    /// </summary>
    public static byte[] Write(
        IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<string>? sheetsAfter = null, bool instructionsFirst = false)
    {
        var workbook = new NPOI.HSSF.UserModel.HSSFWorkbook();
        if (instructionsFirst)
        {
            var instructions = workbook.CreateSheet(InstructionSheet);
            foreach (var (line, index) in Instructions(headers).Select((line, index) => (line, index)))
            {
                var row = instructions.CreateRow(index);
                row.CreateCell(0).SetCellValue(line.Column);
                row.CreateCell(1).SetCellValue(line.Meaning);
            }
        }

        var sheet = workbook.CreateSheet("Data");
        var dateStyle = workbook.CreateCellStyle();
        dateStyle.DataFormat = workbook.CreateDataFormat().GetFormat("dd-mm-yyyy");
        var header = sheet.CreateRow(0);
        for (var i = 0; i < headers.Count; i++)
        {
            header.CreateCell(i).SetCellValue(headers[i]);
        }

        var number = 1;
        foreach (var values in rows)
        {
            var row = sheet.CreateRow(number++);
            for (var i = 0; i < values.Count; i++)
            {
                switch (values[i])
                {
                    case null:
                        break;
                    case DateTime date:
                        var cell = row.CreateCell(i);
                        cell.SetCellValue(date);
                        cell.CellStyle = dateStyle;
                        break;
                    case double or int or long:
                        row.CreateCell(i).SetCellValue(Convert.ToDouble(values[i], System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    default:
                        row.CreateCell(i).SetCellValue(values[i]!.ToString());
                        break;
                }
            }
        }

        foreach (var name in sheetsAfter ?? [])
        {
            var list = workbook.CreateSheet(name);
            list.CreateRow(0).CreateCell(0).SetCellValue("KODE");
            list.CreateRow(1).CreateCell(0).SetCellValue("ID");
        }

        using var memory = new MemoryStream();
        workbook.Write(memory);
        return memory.ToArray();
    }

    public const string InstructionSheet = "PETUNJUK";

    /// <summary>
    /// An instruction sheet as templates have one: a table "KOLOM | KETERANGAN" listing every column down the sheet — so
    /// the column names are there, but not as a header row.
    /// </summary>
    public static IEnumerable<(string Column, string Meaning)> Instructions(IReadOnlyList<string> headers) =>
        new[] { ("KOLOM", "KETERANGAN") }.Concat(headers.Select(h => (h, $"Isi {h} sesuai petunjuk; satu baris per tenaga kerja.")));
}
