using AngleSharp.Dom;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Bureaus;

/// <summary>Posting a page's handler as its buttons do (the token from the page's meta tag, the values as named).</summary>
public static class BureauForms
{
    public static async Task<IDocument> PostAsync(HttpClient browser, string page, string handler, params (string Name, string Value)[] values)
    {
        var form = await HtmlPage.GetAsync(browser, page);
        var fields = values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)).ToList();
        fields.Add(new("__RequestVerificationToken", form.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!));
        return await HtmlPage.ParseAsync(await browser.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken));
    }

    /// <summary>The status a browser ends on (redirects followed: a refused page ends on "Akses Ditolak", 403).</summary>
    public static async Task<System.Net.HttpStatusCode> StatusOfPostAsync(HttpClient browser, string page, string? handler, params (string Name, string Value)[] values)
    {
        var form = await HtmlPage.GetAsync(browser, "/");
        var fields = values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)).ToList();
        fields.Add(new("__RequestVerificationToken", form.QuerySelector("meta[name=sipp-csrf]")!.GetAttribute("content")!));
        using var response = await browser.PostAsync(handler is null ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
