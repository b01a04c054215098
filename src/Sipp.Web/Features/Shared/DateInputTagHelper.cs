using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Sipp.Domain.Periods;

namespace Sipp.Web.Features.Shared;

/// <summary>
/// A browser's own date field shows mm/dd/yyyy in an English Chrome, which many office PCs run; every date field is
/// therefore a text field typed and shown as dd/mm/yyyy (<see cref="TypedDate"/>), with the shape said under it.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class DateInputTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("placeholder", TypedDate.Shape);
        output.Attributes.SetAttribute("maxlength", "10");
        if (!output.Attributes.ContainsName("autocomplete"))
        {
            output.Attributes.SetAttribute("autocomplete", "off");
        }

        if (output.Attributes.TryGetAttribute("value", out var value))
        {
            output.Attributes.SetAttribute("value", TypedDate.ForInput(value.Value?.ToString()));
        }

        if (output.Attributes.TryGetAttribute("id", out var id))
        {
            var hint = $"{id.Value}-format";
            var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{hint} {existing.Value}" : hint;
            output.Attributes.SetAttribute("aria-describedby", describedBy.Trim());
            var text = new TagBuilder("div");
            text.AddCssClass("form-text");
            text.Attributes["id"] = hint;
            text.InnerHtml.Append(localizer["Format dd/mm/yyyy, misalnya 31/12/2026."]);
            output.PostElement.AppendHtml(text);
        }
    }
}
