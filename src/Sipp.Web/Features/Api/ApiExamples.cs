using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Sipp.Web.Features.Api;

/// <summary>
/// Each operation's example request and answer (<c>ApiExamples.json</c>), put into the OpenAPI document with a schema
/// read off the example. The endpoints read their bodies themselves (one set of messages, ADR 0021), so the examples
/// are the contract's description; the API tests compare every real answer's shape with its example
/// (<c>ApiExampleShape</c>), so an example cannot drift from what the API says.
/// </summary>
public static class ApiExamples
{
    private static readonly Lazy<JsonObject> All = new(() =>
    {
        using var stream = typeof(ApiExamples).Assembly.GetManifestResourceStream("Sipp.Web.Api.ApiExamples.json")
            ?? throw new InvalidOperationException("ApiExamples.json is not embedded.");
        return JsonNode.Parse(stream)!.AsObject();
    });

    public static JsonNode? Request(string operation) => Resolve(All.Value[operation]?["request"]);

    public static JsonNode? Response(string operation) => Resolve(All.Value[operation]?["response"]);

    public static int Status(string operation) => All.Value[operation]?["status"]?.GetValue<int>() ?? StatusCodes.Status200OK;

    /// <summary>Describes the operation's body and answers with the examples, and every refusal as a problem.</summary>
    public static void Describe(OpenApiOperation operation)
    {
        var id = operation.OperationId ?? string.Empty;
        if (Request(id) is { } request)
        {
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = Json("application/json", request) };
        }

        operation.Responses ??= new OpenApiResponses();
        foreach (var file in operation.Responses.Values.SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>()).Where(c => !c.Key.Contains("json", StringComparison.Ordinal)))
        {
            file.Value.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" }; // the file itself, not base64
        }

        if (Response(id) is { } response)
        {
            operation.Responses.Remove("200");
            operation.Responses[Status(id).ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse { Description = "Berhasil", Content = Json("application/json", response) };
        }

        if (Resolve(All.Value[id]?["accepted"]) is { } waiting)
        {
            operation.Responses["202"] = new OpenApiResponse
            {
                Description = "Menunggu persetujuan: divisi mewajibkan persetujuan (\"Finalisasi perlu persetujuan\"); tagihan terbit atau dibatalkan setelah penyetuju menyetujuinya di Sipp (webhook tagihan.terbit)",
                Content = Json("application/json", waiting),
            };
        }

        operation.Responses["4XX"] = new OpenApiResponse
        {
            Description = "Ditolak: problem details RFC 9457 dengan pesan berbahasa Indonesia, per kolom di errors (401 token, 403 izin, 404 divisi atau data lain, 409, 422, 429 dengan Retry-After)",
            Content = Json("application/problem+json", Resolve(All.Value["@Masalah"])!),
        };
    }

    /// <summary>
    /// The webhooks a client may subscribe to (OpenAPI 3.1 <c>webhooks</c>): each a POST of the event's body to the
    /// subscription's URL, with the signature headers, answered 2xx by the receiver.
    /// </summary>
    public static Dictionary<string, IOpenApiPathItem> WebhookItems() => Webhooks.WebhookEvents.All.ToDictionary(
        e => e.Type,
        e => (IOpenApiPathItem)new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Post] = new()
                {
                    Summary = e.Label, OperationId = "webhook:" + e.Type,
                    Description = $"Dikirim ke URL webhook klien yang berlangganan {e.Type} (izin {e.Scope}). Header {Webhooks.WebhookSender.SignatureHeader}: v1= dan HMAC-SHA256 "
                        + $"(hex) atas \"{{{Webhooks.WebhookSender.TimestampHeader}}}.{{isi}}\" dengan secret webhook; {Webhooks.WebhookSender.IdHeader} unik per kiriman. "
                        + "Tolak timestamp yang lebih dari 5 menit dan id yang sudah pernah diterima. Jawab 2xx; selain itu dicoba ulang (10 detik, berlipat dua, paling lama 1 jam sekali).",
                    RequestBody = new OpenApiRequestBody { Required = true, Content = Json("application/json", Response("webhook:" + e.Type)!) },
                    Responses = new OpenApiResponses { ["2XX"] = new OpenApiResponse { Description = "Diterima" } },
                },
            },
        },
        StringComparer.Ordinal);

    /// <summary>A schema read off an example: its objects' properties, its arrays' first item, its values' types.</summary>
    public static OpenApiSchema SchemaOf(JsonNode? example) => example switch
    {
        JsonObject o => new OpenApiSchema { Type = JsonSchemaType.Object, Properties = o.ToDictionary(p => p.Key, p => (IOpenApiSchema)SchemaOf(p.Value)) },
        JsonArray a => new OpenApiSchema { Type = JsonSchemaType.Array, Items = SchemaOf(a.FirstOrDefault()) },
        JsonValue v when v.TryGetValue<bool>(out _) => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        JsonValue v when v.TryGetValue<long>(out _) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        JsonValue v when v.TryGetValue<double>(out _) => new OpenApiSchema { Type = JsonSchemaType.Number },
        JsonValue => new OpenApiSchema { Type = JsonSchemaType.String },
        _ => new OpenApiSchema(), // null in the example: any value, or none
    };

    private static Dictionary<string, OpenApiMediaType> Json(string type, JsonNode example) =>
        new() { [type] = new OpenApiMediaType { Schema = SchemaOf(example), Example = example } };

    /// <summary>The node with every "@name" string replaced by a copy of that shared example.</summary>
    private static JsonNode? Resolve(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) && text.StartsWith('@') => Resolve(All.Value[text]),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Resolve).ToArray()),
        _ => node?.DeepClone(),
    };
}
