using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>Upload files made in code: spreadsheets with given rows, and each kind of bad file.</summary>
public static class UploadFixtures
{
    public static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows)
    {
        var path = Path.GetTempFileName() + ".xlsx";
        try
        {
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
}
