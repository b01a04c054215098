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

    /// <summary>Submits a given form (e.g. one found by its button) with values by label text plus its hidden fields.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this IHtmlFormElement form, HttpClient client, IDictionary<string, string>? valuesByLabel = null)
    {
        var document = form.Owner!;
        valuesByLabel ??= new Dictionary<string, string>();
        // As a browser does: the visible controls first, then the hidden fields that follow them in the form.
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (label, value) in valuesByLabel)
        {
            var control = document.ControlLabelled(label);
            fields.Add(new(control.GetAttribute("name")!, value));
        }

        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            fields.Add(new(hidden.GetAttribute("name")!, hidden.GetAttribute("value") ?? string.Empty));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(document.Url).PathAndQuery;
        if (form.QuerySelector("button[type=submit][name]") is { } button && button.GetAttribute("name") is { } buttonName)
        {
            fields.Add(new(buttonName, button.GetAttribute("value") ?? string.Empty));
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content, TestContext.Current.CancellationToken);
    }
}
