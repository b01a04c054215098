using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sipp.Web.Features.Shared;

/// <summary>
/// Every data table sits in a region that scrolls by itself on a narrow screen, so the page never scrolls sideways;
/// the region is named (what a screen reader announces) and focusable (so a keyboard can scroll it).
/// </summary>
[HtmlTargetElement("table", Attributes = "region-label")]
public sealed class TableRegionTagHelper : TagHelper
{
    [HtmlAttributeName("region-label")]
    public string RegionLabel { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var region = new TagBuilder("div");
        region.AddCssClass("table-responsive table-region");
        region.Attributes["role"] = "region";
        region.Attributes["tabindex"] = "0";
        region.Attributes["aria-label"] = RegionLabel;
        output.PreElement.AppendHtml(region.RenderStartTag());
        output.PostElement.AppendHtml(region.RenderEndTag());
    }
}
