namespace Sipp.Web.Infrastructure.Files;

/// <summary>Text written into spreadsheets Sipp produces.</summary>
public static class CellText
{
    /// <summary>A cell starting with = + - @ would be run as a formula by a spreadsheet: prefix it with an apostrophe.</summary>
    public static string? Neutralise(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
}
