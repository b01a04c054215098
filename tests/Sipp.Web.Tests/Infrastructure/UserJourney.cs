using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Data;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>What a user does to get in, step by step through the real pages, reading codes from /dev/outbox.json.</summary>
public static partial class UserJourney
{
    private static readonly ConditionalWeakTable<HttpClient, CookieContainer> CookieJars = [];

    /// <summary>A client that follows redirects and keeps cookies, like a browser.</summary>
    public static HttpClient NewBrowser(this SippWebFactory factory, string? clientIp = null)
    {
        var jar = new CookieContainer();
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new RedirectHandler(), new CookieContainerHandler(jar));
        if (clientIp is not null)
        {
            client.DefaultRequestHeaders.Add(SippWebFactory.ClientIpHeader, clientIp);
        }

        CookieJars.Add(client, jar);
        return client;
    }

    /// <summary>The same browser (its cookies) sent by a balancer to another node of the same database.</summary>
    public static HttpClient SameBrowserOn(this SippWebFactory node, HttpClient browser)
    {
        var client = node.CreateDefaultClient(new Uri("http://localhost"), new RedirectHandler(), new CookieContainerHandler(CookieJars.GetOrCreateValue(browser)));
        CookieJars.Add(client, CookieJars.GetOrCreateValue(browser));
        return client;
    }

    /// <summary>The same browser session (cookies) but showing redirects instead of following them.</summary>
    public static HttpClient WithoutRedirects(this SippWebFactory factory, HttpClient browser)
    {
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(CookieJars.GetOrCreateValue(browser)));
        foreach (var header in browser.DefaultRequestHeaders)
        {
            client.DefaultRequestHeaders.Add(header.Key, header.Value);
        }

        return client;
    }

    public static CookieCollection CookiesOf(HttpClient browser) => CookieJars.GetOrCreateValue(browser).GetAllCookies();

    public static async Task<List<OutboxMessageDto>> OutboxAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<List<OutboxMessageDto>>("/dev/outbox.json", TestContext.Current.CancellationToken))!;

    /// <summary>The newest 6-digit code sent to <paramref name="to"/> on the channel.</summary>
    public static async Task<string> LatestCodeAsync(this HttpClient client, string to, string channel = "sms")
    {
        var message = (await client.OutboxAsync()).First(m => m.Channel == channel && m.To == to);
        return SixDigits().Match(message.Body).Value;
    }

    /// <summary>The first link in the newest email to <paramref name="to"/>.</summary>
    public static async Task<string> LatestLinkAsync(this HttpClient client, string to)
    {
        var message = (await client.OutboxAsync()).First(m => m.Channel == "email" && m.To == to);
        return new Uri(Link().Match(message.Body).Value).PathAndQuery;
    }

    /// <summary>Password step of "Masuk"; returns the page it ends on.</summary>
    public static async Task<IDocument> SubmitPasswordAsync(this HttpClient client, string email, string password)
    {
        var page = await HtmlPage.GetAsync(client, "/masuk");
        return await HtmlPage.ParseAsync(await page.SubmitAsync(client, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }));
    }

    /// <summary>Signs in with password and the OTP sent by SMS; returns the page after the OTP.</summary>
    public static async Task<IDocument> SignInAsync(this HttpClient client, string email, string password, string? phone = "+6281234567890")
    {
        var otpPage = await client.SubmitPasswordAsync(email, password);
        var code = phone is null ? await client.LatestCodeAsync(email, "email") : await client.LatestCodeAsync(phone);
        return await HtmlPage.ParseAsync(await otpPage.SubmitAsync(client, new Dictionary<string, string> { ["Kode OTP"] = code }));
    }

    /// <summary>The seed's company user, signed in with the OTP from the email (the seed gives them a random phone).</summary>
    public static Task<IDocument> SignInAsHrdAsync(this HttpClient client) =>
        client.SignInAsync(DevelopmentSeed.CompanyUserEmail, DevelopmentSeed.CompanyUserPassword, phone: null);

    /// <summary>Chooses the division on Pilih Perusahaan (opened first when the login went straight to the last one).</summary>
    public static async Task<IDocument> ChooseCompanyAsync(this HttpClient client, IDocument choosePage, string npp, string division)
    {
        if (choosePage.QuerySelector("#daftar-perusahaan") is null)
        {
            choosePage = await HtmlPage.GetAsync(client, "/pilih-perusahaan");
        }

        var row = choosePage.QuerySelectorAll("#daftar-perusahaan tbody tr")
            .Single(r => r.Children[0].TextContent.Trim() == npp && r.Children[1].TextContent.Trim() == division);
        // The division already open (the login opened the one chosen last) has no "Pilih" button: its Beranda.
        return row.QuerySelector("form") is AngleSharp.Html.Dom.IHtmlFormElement form
            ? await HtmlPage.ParseAsync(await form.SubmitAsync(client))
            : await HtmlPage.GetAsync(client, "/");
    }

    /// <summary>A browser of the bureau's staff member, signed in and working in the granted <paramref name="npp"/>-<paramref name="division"/>.</summary>
    public static async Task<HttpClient> BureauStaffInAsync(this SippWebFactory factory, string bureau, string staff, string npp, string division, MembershipRole role)
    {
        var email = await factory.BureauWithGrantAsync(bureau, staff, npp, division, role);
        var browser = factory.NewBrowser();
        await browser.ChooseCompanyAsync(await browser.SignInAsync(email, AccessSteps.Password, phone: null), npp, division);
        return browser;
    }

    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}

public sealed record OutboxMessageDto(string Channel, string To, string? Subject, string Body, DateTime SentAt);
