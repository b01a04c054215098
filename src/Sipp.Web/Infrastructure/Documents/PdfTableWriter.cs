using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using Sipp.Domain.Money;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Documents;

/// <summary>
/// A4 PDF (landscape for wide tables) with the title, company, NPP, division and period on every page, the table with
/// its header repeated, the total row, page numbers "Halaman i dari n" and, for a receipt, a QR code of its public check.
/// Rupiah as "Rp 1.234.567". PDFsharp keeps the document in memory until it is saved (about 40 rows a page).
/// </summary>
public sealed class PdfTableWriter
{
    private const double Margin = 36;
    private const double RowHeight = 13;
    private const double FooterHeight = 24;
    private const double QrSize = 96;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private readonly TableDocument _document;
    private readonly PdfDocument _pdf = new();
    private readonly XFont _title = new(EmbeddedFonts.Family, 13, XFontStyleEx.Bold);
    private readonly XFont _fact = new(EmbeddedFonts.Family, 9, XFontStyleEx.Regular);
    private readonly XFont _cell = new(EmbeddedFonts.Family, 8, XFontStyleEx.Regular);
    private readonly XFont _bold = new(EmbeddedFonts.Family, 8, XFontStyleEx.Bold);
    private readonly double[] _widths;
    private readonly double[] _lefts;
    private XGraphics? _page;
    private double _y;

    static PdfTableWriter()
    {
        // PDFsharp 6.5 is dual-licensed: AGPL-3.0 or commercial. Sipp uses it under the AGPL (docs/adr/0010).
        PdfSharpLicense.SetAgplLicense();
        EmbeddedFonts.Register();
    }

    private PdfTableWriter(TableDocument document)
    {
        _document = document;
        var landscape = document.Columns.Count > 6;
        PageWidth = landscape ? XUnit.FromMillimeter(297).Point : XUnit.FromMillimeter(210).Point;
        PageHeight = landscape ? XUnit.FromMillimeter(210).Point : XUnit.FromMillimeter(297).Point;
        var available = PageWidth - (2 * Margin);
        var weight = document.Columns.Sum(c => c.Width);
        _widths = document.Columns.Select(c => available * c.Width / weight).ToArray();
        _lefts = new double[_widths.Length];
        for (var i = 1; i < _widths.Length; i++)
        {
            _lefts[i] = _lefts[i - 1] + _widths[i - 1];
        }
    }

    private double PageWidth { get; }

    private double PageHeight { get; }

    public static async Task WriteAsync(TableDocument document, Stream output, DateTimeOffset printedAt, CancellationToken cancellationToken)
    {
        var writer = new PdfTableWriter(document);
        writer._pdf.Info.Title = document.Title;
        writer._pdf.Info.Creator = "Sipp";
        var totals = new ColumnTotals(document.Columns);
        writer.NewPage();
        await foreach (var row in document.Rows.WithCancellation(cancellationToken))
        {
            totals.Add(row);
            writer.Row(row, writer._cell);
        }

        if (document.HasTotals)
        {
            writer.Row(totals.Row(), writer._bold, lineAbove: true);
        }

        if (document.Note is { } note)
        {
            writer.EnsureRoom(RowHeight * 2);
            writer._y += RowHeight / 2;
            writer._page!.DrawString(note, writer._cell, XBrushes.Black, new XPoint(Margin, writer._y + 9));
            writer._y += RowHeight;
        }

        writer._page!.Dispose();
        writer.NumberPages(printedAt);
        using var buffer = new MemoryStream();
        writer._pdf.Save(buffer, closeStream: false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private void NewPage()
    {
        _page?.Dispose();
        var page = _pdf.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageWidth > PageHeight ? PageOrientation.Landscape : PageOrientation.Portrait;
        _page = XGraphics.FromPdfPage(page);
        _y = Margin;
        _page.DrawString(_document.Title, _title, XBrushes.Black, new XPoint(Margin, _y + 12));
        _y += 20;
        foreach (var (label, value) in _document.Facts)
        {
            _page.DrawString(label, _fact, XBrushes.Black, new XPoint(Margin, _y + 9));
            _page.DrawString(": " + value, _fact, XBrushes.Black, new XPoint(Margin + 70, _y + 9));
            _y += 12;
        }

        if (_document.VerificationUrl is { } url)
        {
            DrawQr(url, PageWidth - Margin - QrSize, Margin);
            _y = Math.Max(_y, Margin + QrSize);
        }

        _y += 8;
        _page.DrawRectangle(XBrushes.Gainsboro, Margin, _y, PageWidth - (2 * Margin), RowHeight + 2);
        for (var i = 0; i < _document.Columns.Count; i++)
        {
            Cell(_document.Columns[i].Title, i, _bold, _document.Columns[i].Kind is ColumnKind.Money or ColumnKind.Number);
        }

        _y += RowHeight + 2;
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > PageHeight - Margin - FooterHeight)
        {
            NewPage();
        }
    }

    private void Row(object?[] row, XFont font, bool lineAbove = false)
    {
        EnsureRoom(RowHeight);
        if (lineAbove)
        {
            _page!.DrawLine(XPens.Black, Margin, _y, PageWidth - Margin, _y);
        }

        for (var i = 0; i < row.Length; i++)
        {
            var (text, right) = row[i] switch
            {
                null => (string.Empty, false),
                long amount when _document.Columns[i].Kind == ColumnKind.Money => (new Rupiah(amount).ToString(), true),
                long number => (number.ToString("#,0", Indonesian), true),
                DateOnly date => (date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), false),
                var value => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, false),
            };
            Cell(text, i, font, right);
        }

        _y += RowHeight;
    }

    private void Cell(string text, int column, XFont font, bool alignRight)
    {
        var width = _widths[column] - 4;
        if (!alignRight)
        {
            _page!.DrawString(Fit(text, font, width), font, XBrushes.Black, new XPoint(Margin + _lefts[column] + 2, _y + 9.5));
            return;
        }

        // An amount is never cut: one too wide for its column is written smaller.
        var measured = _page!.MeasureString(text, font).Width;
        if (measured > width)
        {
            font = new XFont(EmbeddedFonts.Family, font.Size * width / measured, font.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            measured = _page.MeasureString(text, font).Width;
        }

        _page.DrawString(text, font, XBrushes.Black, new XPoint(Margin + _lefts[column] + 2 + width - measured, _y + 9.5));
    }

    /// <summary>Text that is too long for its column is cut and ends with "…".</summary>
    private string Fit(string text, XFont font, double width)
    {
        if (text.Length == 0 || _page!.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && _page.MeasureString(text[..length] + "…", font).Width > width)
        {
            length--;
        }

        return text[..length] + "…";
    }

    private void DrawQr(string url, double left, double top)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = QrSize / modules.Count;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                if (modules[row][column])
                {
                    _page!.DrawRectangle(XBrushes.Black, left + (column * size), top + (row * size), size, size);
                }
            }
        }
    }

    private void NumberPages(DateTimeOffset printedAt)
    {
        var count = _pdf.PageCount;
        var printed = "Dicetak " + JakartaTime.Display(printedAt) + " oleh Sipp";
        for (var i = 0; i < count; i++)
        {
            using var page = XGraphics.FromPdfPage(_pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = PageHeight - Margin;
            page.DrawString(printed, _cell, XBrushes.Gray, new XPoint(Margin, y));
            var number = Wording.Of($"Halaman {i + 1} dari {count}");
            page.DrawString(number, _cell, XBrushes.Black, new XPoint(PageWidth - Margin - page.MeasureString(number, _cell).Width, y));
        }
    }
}
