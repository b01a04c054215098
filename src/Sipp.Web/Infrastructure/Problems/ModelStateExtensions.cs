using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Sipp.Web.Infrastructure.Problems;

public static class ModelStateExtensions
{
    /// <summary>
    /// Puts errors keyed by contract field names next to the page's form fields; errors of unknown fields go to the
    /// page-level summary.
    /// </summary>
    public static void AddFieldErrors(
        this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string> formFields)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(formFields.GetValueOrDefault(field, string.Empty), message);
            }
        }
    }
}
