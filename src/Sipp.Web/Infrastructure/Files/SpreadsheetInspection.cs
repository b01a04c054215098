using System.IO.Compression;
using System.Text;
using Sipp.Data.Uploads;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Files;

/// <summary>
/// Decides what an uploaded file really is from its bytes, not its name, and refuses — before any parsing — what
/// cannot be read safely: other formats renamed, encrypted or old Excel files, zip bombs, unknown text encodings.
/// </summary>
public static class SpreadsheetInspection
{
    public const long MaxBytes = 20L * 1024 * 1024;
    private const long MaxUnpackedBytes = 400L * 1024 * 1024;
    private const double MaxCompressionRatio = 150;

    private static readonly byte[] Zip = "PK\x03\x04"u8.ToArray();
    private static readonly byte[] OleCompound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The format and, for CSV, the text encoding — or the reason the file is refused.</summary>
    public static (UploadFormat Format, Encoding? Encoding, string? Refusal) Inspect(string path, string fileName)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return (default, null, Wording.Of("File kosong."));
        }

        if (length > MaxBytes)
        {
            return (default, null, Wording.Of("File lebih dari 20 MB. Bagi menjadi beberapa file."));
        }

        var head = new byte[Math.Min(4096, length)];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadExactly(head);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.AsSpan().StartsWith(Zip))
        {
            return extension == ".csv"
                ? (default, null, Wording.Of("File bernama .csv tetapi isinya file Excel. Simpan ulang sebagai CSV, atau ganti namanya menjadi .xlsx."))
                : InspectXlsx(path);
        }

        if (head.AsSpan().StartsWith(OleCompound))
        {
            return extension == ".csv"
                ? (default, null, Wording.Of("File bernama .csv tetapi isinya file Excel. Simpan ulang sebagai CSV, atau ganti namanya menjadi .xlsx."))
                : InspectXls(path);
        }

        if (head.AsSpan().StartsWith(Pdf))
        {
            return (default, null, Wording.Of("File ini PDF, bukan Excel (.xlsx) atau CSV."));
        }

        if (extension is ".xlsx" or ".xlsm" or ".xls")
        {
            return (default, null, Wording.Of($"File bernama {extension} tetapi isinya bukan file Excel. Gunakan template .xlsx atau .csv dari halaman ini."));
        }

        if (extension is not ".csv" and not ".txt")
        {
            return (default, null, Wording.Of("Hanya file Excel (.xlsx atau .xls) dan CSV (.csv) yang dapat diupload."));
        }

        return InspectText(path);
    }

    private static (UploadFormat, Encoding?, string?) InspectXlsx(string path)
    {
        try
        {
            using var archive = ZipFile.OpenRead(path);
            long unpacked = 0;
            var hasWorkbook = false;
            foreach (var entry in archive.Entries)
            {
                unpacked += entry.Length;
                var ratio = entry.CompressedLength == 0 ? 0 : (double)entry.Length / entry.CompressedLength;
                if (unpacked > MaxUnpackedBytes || (entry.Length > 10 * 1024 * 1024 && ratio > MaxCompressionRatio))
                {
                    return (default, null, Wording.Of("File ini tidak wajar (isinya mengembang terlalu besar saat dibuka) dan ditolak demi keamanan."));
                }

                hasWorkbook |= entry.FullName == "xl/workbook.xml";
            }

            return hasWorkbook
                ? (UploadFormat.Xlsx, null, null)
                : (default, null, Wording.Of("File ini arsip ZIP, bukan file Excel (.xlsx)."));
        }
        catch (InvalidDataException)
        {
            return (default, null, Wording.Of("File Excel ini rusak dan tidak dapat dibuka. Simpan ulang dari Excel lalu upload lagi."));
        }
    }

    /// <summary>
    /// An OLE compound file: an Excel 97–2003 workbook (.xls) is read; an encrypted workbook — new (EncryptedPackage) or
    /// old (RC4 in the workbook) — and anything else in that container (a Word file, a damaged one) are refused.
    /// </summary>
    private static (UploadFormat, Encoding?, string?) InspectXls(string path)
    {
        if (ContainsUtf16(path, "EncryptedPackage"))
        {
            return (default, null, Encrypted);
        }

        var (readable, encrypted) = XlsSheetReader.Probe(path);
        return readable ? (UploadFormat.Xls, null, null)
            : encrypted ? (default, null, Encrypted)
            : (default, null, Wording.Of("File Excel ini rusak atau bukan buku kerja Excel, sehingga tidak dapat dibuka. Simpan ulang dari Excel lalu upload lagi."));
    }

    private static string Encrypted => Wording.Of("File Excel ini dilindungi password (terenkripsi). Buka di Excel, hapus password-nya, simpan, lalu upload lagi.");

    /// <summary>UTF-8 (with or without BOM) or Windows-1252; anything else is refused.</summary>
    private static (UploadFormat, Encoding?, string?) InspectText(string path)
    {
        var bytes = File.ReadAllBytes(path); // at most 20 MB, checked above
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return (default, null, Wording.Of("CSV ini ber-encoding UTF-16, yang tidak didukung. Simpan sebagai \"CSV UTF-8\"."));
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return (default, null, Wording.Of("Isi file ini bukan teks CSV (berisi data biner)."));
        }

        var body = bytes.AsSpan().StartsWith(Utf8Bom) ? bytes.AsSpan(3) : bytes.AsSpan();
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(body);
            return (UploadFormat.Csv, new UTF8Encoding(false), null);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8. Windows-1252 leaves five byte values undefined; a file with them is in another encoding.
            return body.IndexOfAny([(byte)0x81, (byte)0x8D, (byte)0x8F, (byte)0x90, (byte)0x9D]) >= 0
                ? (default, null, Wording.Of("Encoding CSV ini tidak dikenal. Simpan sebagai \"CSV UTF-8\"."))
                : (UploadFormat.Csv, Encoding.GetEncoding(1252), null);
        }
    }

    private static bool ContainsUtf16(string path, string text)
    {
        var needle = Encoding.Unicode.GetBytes(text);
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().IndexOf(needle) >= 0;
    }
}
