using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sipp.Domain.Workers;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Problems;

/// <summary>
/// The one way a use case says no (ADR 0016): Indonesian messages keyed by the field they concern — <see cref="Whole"/>
/// for the request as a whole — and what kind of no it is. A page shows each message next to its field (or at the top);
/// the API answers the same messages as an RFC 9457 problem whose <c>errors</c> are keyed the same way.
/// </summary>
public sealed record Refusal(RefusalKind Kind, IReadOnlyDictionary<string, string[]> Errors, string? Title = null)
{
    /// <summary>The key of a message about the whole request rather than one field.</summary>
    public const string Whole = "";

    public static Refusal Of(string message, RefusalKind kind = RefusalKind.Invalid, string? title = null) => Field(Whole, message, kind, title);

    public static Refusal Field(string field, string message, RefusalKind kind = RefusalKind.Invalid, string? title = null) =>
        new(kind, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, title);

    /// <summary>The errors a form or file reader collected; null when there are none.</summary>
    public static Refusal? Of(FieldValues values) =>
        values.HasErrors ? new(RefusalKind.Invalid, values.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal)) : null;

    /// <summary>Every message in one sentence, for a notice after a redirect.</summary>
    public string Message => string.Join(" ", Errors.Values.SelectMany(m => m));

    /// <summary>For a page: each message next to its field (<paramref name="formFields"/> maps a key to the form's name), the rest at the top.</summary>
    public void AddTo(ModelStateDictionary modelState, IReadOnlyDictionary<string, string>? formFields = null)
    {
        foreach (var (field, messages) in Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(formFields?.GetValueOrDefault(field, field) ?? field, message);
            }
        }
    }

    /// <summary>For the API: an RFC 9457 problem with the messages under <c>errors</c> ("$" for the whole request), the status from the kind.</summary>
    public ProblemHttpResult ToProblem() =>
        TypedResults.Problem(new HttpValidationProblemDetails(Errors.ToDictionary(e => e.Key.Length == 0 ? "$" : e.Key, e => e.Value))
        {
            Status = Status,
            Type = Kind == RefusalKind.Invalid ? "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1" : null,
            Title = Title ?? Kind switch
            {
                RefusalKind.NotFound => Wording.Of("Tidak ditemukan."),
                RefusalKind.Conflict => Wording.Of("Tidak dapat dilakukan pada keadaan data sekarang."),
                RefusalKind.Forbidden => Wording.Of("Tidak diizinkan."),
                _ => Wording.Of("Data yang dikirim tidak valid."),
            },
            Detail = Message,
        });

    public int Status => Kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        RefusalKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest, // as the calculator's contract answers a broken rule
    };
}

public enum RefusalKind
{
    /// <summary>The input breaks a rule: fix the fields named.</summary>
    Invalid,

    /// <summary>What the request names does not exist (in this division).</summary>
    NotFound,

    /// <summary>Allowed in general, not in the data's present state (already final, changed meanwhile, being imported).</summary>
    Conflict,

    /// <summary>The caller may not do this.</summary>
    Forbidden,

    /// <summary>The caller could not be identified (a bank's signature that does not match).</summary>
    Unauthenticated,

    /// <summary>Well formed and allowed, but the facts do not fit (a bank's amount or date for a bill).</summary>
    Unprocessable,
}

/// <summary>What a use case that produces something returns: the thing, or its refusal.</summary>
public readonly record struct Result<T>(T? Value, Refusal? Refusal)
    where T : class
{
    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Refusal refusal) => new(null, refusal);
}
