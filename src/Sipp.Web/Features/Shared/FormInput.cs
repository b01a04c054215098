namespace Sipp.Web.Features.Shared;

/// <summary>
/// The input of a form's use case: the values as typed, keyed by the fields' visible names (<c>WorkerFields</c>,
/// <c>CompanyInput</c>, …) — the names the form, the upload columns and the API share, so that a refusal's message
/// lands next to the right field or cell. Parsing and checking belong to the handler, so every caller gets the same
/// messages.
/// </summary>
public sealed record FormInput(IReadOnlyDictionary<string, string?> Isian);
