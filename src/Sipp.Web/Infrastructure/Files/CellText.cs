using System.Diagnostics.CodeAnalysis;

namespace Sipp.Web.Infrastructure.Files;

/// <summary>Text written into spreadsheets Sipp produces (reports, and the checked copy of an upload).</summary>
public static class CellText
{
    /// <summary>
    /// A cell starting with = + - @ would be run as a formula by a spreadsheet, and so would one starting with a tab or
    /// a carriage return, which some spreadsheets skip first: prefix it with an apostrophe.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Neutralise(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
