using Microsoft.Net.Http.Headers;

namespace Sipp.Web.Infrastructure.Documents;

/// <summary>The headers of a download: its type, never cached (it holds personal data), saved under its name.</summary>
public static class Attachment
{
    public static void Prepare(HttpContext context, string contentType, string fileName)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
    }
}
