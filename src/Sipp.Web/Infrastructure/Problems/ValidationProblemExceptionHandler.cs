using Microsoft.AspNetCore.Diagnostics;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Problems;

/// <summary>
/// Turns a broken domain rule or an unreadable body of an API request into the same RFC 9457 problem as any other
/// refusal (<see cref="Refusal.ToProblem"/>: 400, errors keyed by field, Indonesian messages). Anything else is left to the default handler: no blanket catch hides errors.
/// </summary>
public sealed class ValidationProblemExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false; // pages show the Indonesian error page (/galat) instead
        }

        switch (exception)
        {
            case DomainValidationException validation:
                await new Refusal(RefusalKind.Invalid, validation.Errors).ToProblem().ExecuteAsync(httpContext);
                return true;
            case BadHttpRequestException badRequest:
                await Refusal.Of(badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? Wording.Of("Permintaan terlalu besar.") : Wording.Of("Permintaan tidak dapat dibaca."))
                    .ToProblem().ExecuteAsync(httpContext);
                return true;
            default:
                return false;
        }
    }
}
