using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sipp.Web.Features.Shared;

/// <summary>What Sipp's tag helpers do to an element's attributes.</summary>
public static class TagHelperOutputExtensions
{
    /// <summary>An attribute's value as written, whether literal, an expression or both ("form-control @x").</summary>
    public static string? AttributeText(this TagHelperOutput output, string name)
    {
        if (!output.Attributes.TryGetAttribute(name, out var attribute))
        {
            return null;
        }

        if (attribute.Value is not IHtmlContent html)
        {
            return attribute.Value?.ToString();
        }

        using var writer = new StringWriter();
        html.WriteTo(writer, NullHtmlEncoder.Default); // the output encodes it once, when it is written
        return writer.ToString();
    }

    /// <summary>Names <paramref name="id"/> first among the texts that describe the field (aria-describedby).</summary>
    public static void DescribeBy(this TagHelperOutput output, string id) =>
        output.Attributes.SetAttribute("aria-describedby", $"{id} {output.AttributeText("aria-describedby")}".Trim());
}
