using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Problems;

/// <summary>
/// The one place that turns a broken rule of an API request into an RFC 9457 problem (400, errors keyed by field,
/// Indonesian messages). Anything else is left to the default handler: no blanket catch hides errors.
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
                await Problems.Validation(validation.Errors).ExecuteAsync(httpContext);
                return true;
            case BadHttpRequestException badRequest:
                await Problems.Validation(new Dictionary<string, string[]>
                {
                    ["$"] = [badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? "Permintaan terlalu besar."
                        : "Permintaan tidak dapat dibaca."],
                }).ExecuteAsync(httpContext);
                return true;
            default:
                return false;
        }
    }
}

public static class Problems
{
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            title: "Data yang dikirim tidak valid.",
            detail: "Periksa kembali isian yang disebut pada errors.",
            type: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1");
}
