using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>Reads pages the way a user (or a screen reader) finds things: by label text, headings and tables.</summary>
public static class HtmlPage
{
    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>The form control a &lt;label&gt; with exactly this text is tied to (via for=id).</summary>
    public static IElement ControlLabelled(this IDocument document, string labelText)
    {
        var label = document.QuerySelectorAll("label").SingleOrDefault(l => l.TextContent.Trim() == labelText)
            ?? throw new Xunit.Sdk.XunitException($"No <label> with the text \"{labelText}\".");
        var id = label.GetAttribute("for") ?? throw new Xunit.Sdk.XunitException($"<label> \"{labelText}\" has no for attribute.");
        return document.GetElementById(id) ?? throw new Xunit.Sdk.XunitException($"<label> \"{labelText}\" points to missing id \"{id}\".");
    }

    /// <summary>
    /// Submits the form that holds the labelled fields, with the given values (by label text) plus its hidden fields
    /// (antiforgery), as a browser would.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this IDocument document, HttpClient client, IDictionary<string, string> valuesByLabel)
    {
        var form = (IHtmlFormElement)(document.ControlLabelled(valuesByLabel.Keys.First()).Closest("form")
            ?? throw new Xunit.Sdk.XunitException("The labelled field is not inside a form."));
        return await form.SubmitAsync(client, valuesByLabel);
    }

    /// <summary>
    /// Submits a form as a browser does: every named control with its current value in document order (checked boxes
    /// only), the values given by label text replacing those of their controls.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this IHtmlFormElement form, HttpClient client, IDictionary<string, string>? valuesByLabel = null)
    {
        var document = form.Owner!;
        var overrides = (valuesByLabel ?? new Dictionary<string, string>()).ToDictionary(v => document.ControlLabelled(v.Key), v => v.Value);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var control in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = control.GetAttribute("name")!;
            var type = control.GetAttribute("type")?.ToLowerInvariant();
            if (type is "submit" or "button" or "file")
            {
                continue;
            }

            if (type is "checkbox" or "radio")
            {
                var isChecked = overrides.TryGetValue(control, out var wanted)
                    ? wanted is "true" or "on" || wanted == control.GetAttribute("value")
                    : control.HasAttribute("checked");
                if (isChecked)
                {
                    fields.Add(new(name, control.GetAttribute("value") ?? "on"));
                }

                continue;
            }

            var value = overrides.TryGetValue(control, out var given)
                ? given
                : control switch
                {
                    IHtmlSelectElement select => select.QuerySelector("option[selected]")?.GetAttribute("value") ?? select.QuerySelector("option")?.GetAttribute("value") ?? string.Empty,
                    IHtmlTextAreaElement area => area.TextContent,
                    _ => control.GetAttribute("value") ?? string.Empty,
                };
            fields.Add(new(name, value));
        }

        if (form.QuerySelector("button[type=submit][name]") is { } button && button.GetAttribute("name") is { } buttonName)
        {
            fields.Add(new(buttonName, button.GetAttribute("value") ?? string.Empty));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(document.Url).PathAndQuery;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content, TestContext.Current.CancellationToken);
    }
}
