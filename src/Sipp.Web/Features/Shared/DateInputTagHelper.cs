using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Sipp.Domain.Periods;

namespace Sipp.Web.Features.Shared;

/// <summary>
/// A browser's own date field shows mm/dd/yyyy in an English Chrome, which many office PCs run; every date field is
/// therefore a text field typed and shown as dd/mm/yyyy (whether its type is written out or comes from the model, as in _Field) (<see cref="TypedDate"/>), with the shape said under it.
/// </summary>
[HtmlTargetElement("input", Attributes = "type")]
public sealed class DateInputTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.AttributeText("type") != "date")
        {
            return;
        }

        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("placeholder", TypedDate.Shape);
        output.Attributes.SetAttribute("maxlength", "10");
        if (!output.Attributes.ContainsName("autocomplete"))
        {
            output.Attributes.SetAttribute("autocomplete", "off");
        }

        if (output.AttributeText("value") is { } value)
        {
            output.Attributes.SetAttribute("value", TypedDate.ForInput(value));
        }

        if (output.AttributeText("id") is { } id)
        {
            var hint = $"{id}-format";
            output.DescribeBy(hint);
            var text = new TagBuilder("div");
            text.AddCssClass("form-text");
            text.Attributes["id"] = hint;
            text.InnerHtml.Append(localizer["Format dd/mm/yyyy, misalnya 31/12/2026."]);
            output.PostElement.AppendHtml(text);
        }
    }
}
