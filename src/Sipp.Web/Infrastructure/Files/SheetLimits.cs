using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Files;

/// <summary>
/// What reading one uploaded sheet may cost. The readers count as they go and stop with a
/// <see cref="SheetLimitException"/> past any limit, so neither a compressed bomb nor a file of endless columns can
/// take the memory or the time of the machine.
/// </summary>
/// <param name="MaxColumns">Columns in any row (the templates have at most about 20).</param>
/// <param name="MaxCells">Cells (and row elements) in the whole sheet, and shared strings of an .xlsx.</param>
/// <param name="MaxTextCharacters">Characters of all shared strings of an .xlsx together.</param>
public sealed record SheetLimits(int MaxColumns, long MaxCells, long MaxTextCharacters)
{
    /// <summary>Excel's own limit for the text of one cell.</summary>
    public const int MaxCellCharacters = 32_767;

    public SheetLimitException TooManyColumns(int row) =>
        new(Wording.Of($"Baris {row} memiliki lebih dari {MaxColumns:#,0} kolom. Gunakan template dari halaman ini dan hapus kolom yang tidak diperlukan."));

    public SheetLimitException TooManyCells() =>
        new(Wording.Of($"File berisi lebih dari {MaxCells:#,0} sel. Hapus kolom atau baris yang tidak diperlukan, atau bagi menjadi beberapa file."));

    public SheetLimitException TooMuchText() =>
        new(Wording.Of($"Teks di dalam file Excel ini lebih dari {MaxTextCharacters:#,0} karakter, jauh di atas isi upload yang wajar. Hapus sheet atau kolom yang tidak diperlukan, atau bagi menjadi beberapa file."));

    public static SheetLimitException CellTooLong() =>
        new(Wording.Of($"Ada sel yang berisi lebih dari {MaxCellCharacters:#,0} karakter (batas Excel). Periksa isi file."));
}

/// <summary>A sheet exceeded a <see cref="SheetLimits"/> bound; the message is for the user.</summary>
public sealed class SheetLimitException(string message) : Exception(message);
