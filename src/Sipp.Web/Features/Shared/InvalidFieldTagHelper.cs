using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sipp.Web.Features.Shared;

/// <summary>
/// Every field bound with <c>asp-for</c> shows its own errors: marked invalid (class and <c>aria-invalid</c>), the
/// message right under it and named by <c>aria-describedby</c> — the error summary links to it (<c>_FormErrors</c>).
/// The worker forms' <c>_Field</c> does the same for their <c>Isian[...]</c> fields.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState[For.Name]?.Errors;
        if (errors is not { Count: > 0 } || output.AttributeText("id") is not { } field)
        {
            return;
        }

        var id = $"{field}-error";
        output.AddClass("is-invalid", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.DescribeBy(id);
        var message = new TagBuilder("div");
        message.AddCssClass("invalid-feedback d-block");
        message.Attributes["id"] = id;
        message.InnerHtml.Append(string.Join(" ", errors.Select(e => e.ErrorMessage)));
        output.PostElement.AppendHtml(message);
    }
}
