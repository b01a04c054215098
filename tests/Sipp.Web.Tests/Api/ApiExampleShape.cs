using System.Text.Json;
using System.Text.Json.Nodes;
using Sipp.Web.Features.Api;

namespace Sipp.Web.Tests.Api;

/// <summary>
/// Compares a real answer of the API with the example its OpenAPI document shows: the same properties at every level
/// (an array by its first item), and the same kind of value where neither is null. An example that drifts from the
/// API fails the test that got the answer.
/// </summary>
public static class ApiExampleShape
{
    public static void AssertMatches(string operation, JsonElement actual)
    {
        var example = ApiExamples.Response(operation) ?? throw new InvalidOperationException($"{operation} has no example answer.");
        var differences = new List<string>();
        Compare("$", example, JsonNode.Parse(actual.GetRawText()), differences);
        Assert.True(differences.Count == 0, $"{operation}: the example differs from the real answer at {string.Join("; ", differences)}");
    }

    private static void Compare(string path, JsonNode? example, JsonNode? actual, List<string> differences)
    {
        switch (example, actual)
        {
            case (null, _) or (_, null):
                return;
            case (JsonObject, JsonObject) when path.EndsWith(".errors", StringComparison.Ordinal):
                return; // keyed by the fields refused, which differ from answer to answer
            case (JsonObject e, JsonObject a):
                var (missing, extra) = (a.Select(p => p.Key).Except(e.Select(p => p.Key)).ToList(), e.Select(p => p.Key).Except(a.Select(p => p.Key)).ToList());
                if (missing.Count > 0 || extra.Count > 0)
                {
                    differences.Add($"{path}: not in the example [{string.Join(", ", missing)}], not in the answer [{string.Join(", ", extra)}]");
                }

                foreach (var (key, value) in e.Where(p => a.ContainsKey(p.Key)))
                {
                    Compare($"{path}.{key}", value, a[key], differences);
                }

                return;
            case (JsonArray e, JsonArray a):
                if (e.Count > 0 && a.Count > 0)
                {
                    Compare($"{path}[0]", e[0], a[0], differences);
                }

                return;
            default:
                if (example.GetValueKind() != actual.GetValueKind()
                    && !(example.GetValueKind() is JsonValueKind.True or JsonValueKind.False && actual.GetValueKind() is JsonValueKind.True or JsonValueKind.False))
                {
                    differences.Add($"{path}: {example.GetValueKind()} in the example, {actual.GetValueKind()} in the answer");
                }

                return;
        }
    }
}
