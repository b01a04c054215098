using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Shared;

/// <summary>
/// A browser's own month field follows the browser's language; every month field is therefore a list of months by
/// name in the page's language ("Oktober 2026"), newest first, sending yyyy-mm as before. The list runs from
/// <c>min</c> to <c>max</c> (yyyy-mm) when given, else from three years back to a year ahead.
/// </summary>
[HtmlTargetElement("input", Attributes = "type")]
public sealed class MonthInputTagHelper(IStringLocalizer<SharedResource> localizer, TimeProvider clock) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.AttributeText("type") != "month")
        {
            return;
        }

        var now = Period.Containing(clock.JakartaToday());
        var first = Bound(output, "min") ?? now.AddMonths(-36);
        var last = Bound(output, "max") ?? now.AddMonths(12);
        var chosen = Period.TryParse(output.AttributeText("value"), out var period, out _) ? period : (Period?)null;

        output.TagName = "select";
        output.TagMode = TagMode.StartTagAndEndTag;
        foreach (var name in new[] { "type", "value", "min", "max", "placeholder" })
        {
            output.Attributes.RemoveAll(name);
        }

        if (output.AttributeText("class") is { } css)
        {
            output.Attributes.SetAttribute("class", css.Replace("form-control", "form-select", StringComparison.Ordinal));
        }

        if (chosen is null)
        {
            output.Content.AppendHtml(Option("", localizer["— pilih —"], selected: true));
        }
        else if (chosen > last || chosen < first)
        {
            output.Content.AppendHtml(Option(chosen.Value.ToString(), Show.Month(chosen.Value), selected: true));
        }

        for (var month = last; month >= first; month = month.AddMonths(-1))
        {
            output.Content.AppendHtml(Option(month.ToString(), Show.Month(month), month == chosen));
        }
    }

    private static Period? Bound(TagHelperOutput output, string name) =>
        Period.TryParse(output.AttributeText(name), out var period, out _) ? period : null;

    private static TagBuilder Option(string value, string text, bool selected)
    {
        var option = new TagBuilder("option");
        option.Attributes["value"] = value;
        if (selected)
        {
            option.Attributes["selected"] = "selected";
        }

        option.InnerHtml.Append(text);
        return option;
    }
}
