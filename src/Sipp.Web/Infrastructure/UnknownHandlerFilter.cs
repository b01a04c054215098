using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sipp.Web.Infrastructure;

/// <summary>
/// A request for which the page has no handler (a POST to a page whose forms all post to named handlers, such as the
/// period page, or a made-up <c>?handler=</c>) is answered 405 instead of rendering the page without running any
/// handler — which showed an empty model and ended in HTTP 500 (found by the load campaign: a client that repeats a
/// POST on a redirect). A GET always finds one (Razor Pages falls back to <c>OnGet</c>) or needs none.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var reading = HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method);
        if (context.HandlerMethod is null && !reading)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        return next();
    }
}
