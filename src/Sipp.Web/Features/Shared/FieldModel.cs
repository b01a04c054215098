namespace Sipp.Web.Features.Shared;

/// <summary>
/// One labelled form field bound to a dictionary of values keyed by its visible name (the same names as upload
/// columns and validation errors), rendered by _Field.cshtml.
/// </summary>
public sealed record FieldModel(string Key, string? Value, string Type = "text", IReadOnlyList<(string Value, string Text)>? Options = null, string? Help = null, bool Required = false, string Prefix = "Isian", string? ShowWhen = null)
{
    public string Id => Prefix + "-" + new string(Key.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    public string Name => $"{Prefix}[{Key}]";

    /// <summary>A field that applies only for one answer of another ("Nomor Paspor" for WNA): shown, and sent, only then.</summary>
    public FieldModel OnlyWhen(string otherKey, string value) => this with { ShowWhen = $"{Prefix}[{otherKey}]={value}" };
}
