namespace Sipp.Web.Infrastructure.Documents;

/// <summary>What a column holds, which decides how each format writes it.</summary>
public enum ColumnKind
{
    Text,
    Money,
    Number,
    Date,
}

/// <summary>A column: its heading, kind and relative width on paper.</summary>
public sealed record Column(string Title, ColumnKind Kind, double Width = 1);

/// <summary>
/// A report as a table: a title, the facts printed above it (company, NPP, division, period), the columns and the rows,
/// which are read once, as they come (never the whole table in memory). Cell values are <see cref="string"/>,
/// <see cref="long"/> (money or numbers), <see cref="DateOnly"/> or null. Money columns get a total row.
/// </summary>
public sealed class TableDocument
{
    public required string Title { get; init; }

    /// <summary>Base of the download's file name, without extension.</summary>
    public required string FileName { get; init; }

    public required IReadOnlyList<(string Label, string Value)> Facts { get; init; }

    public required IReadOnlyList<Column> Columns { get; init; }

    public required IAsyncEnumerable<object?[]> Rows { get; init; }

    /// <summary>A note printed under the table (PDF), e.g. that JKP is shown for information.</summary>
    public string? Note { get; init; }

    /// <summary>When set, the PDF carries a QR code of this address (the receipt's public check).</summary>
    public string? VerificationUrl { get; init; }

    public bool HasTotals => Columns.Any(c => c.Kind == ColumnKind.Money);
}

/// <summary>Sums the money columns of the rows as they are written, for the total row of every format.</summary>
public sealed class ColumnTotals(IReadOnlyList<Column> columns)
{
    private readonly long[] _sums = new long[columns.Count];

    public int Rows { get; private set; }

    public void Add(object?[] row)
    {
        Rows++;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Kind == ColumnKind.Money && row[i] is long amount)
            {
                _sums[i] = checked(_sums[i] + amount);
            }
        }
    }

    /// <summary>The total row: "Jumlah" in the first column, the sums under the money columns, nothing elsewhere.</summary>
    public object?[] Row()
    {
        var row = new object?[columns.Count];
        row[0] = "Jumlah";
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Kind == ColumnKind.Money)
            {
                row[i] = _sums[i];
            }
        }

        return row;
    }
}
