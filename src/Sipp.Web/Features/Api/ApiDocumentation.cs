using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Sipp.Web.Features.Api;

/// <summary>
/// The payroll API's OpenAPI 3.1 document, generated from the endpoints (<c>/openapi/v1.json</c>) with the OAuth 2.0
/// client-credentials scheme and each operation's scope, and rendered by Scalar at <c>/api/docs</c>. A test compares
/// the document with the committed copy (docs/api/openapi-v1.json), so a change of the contract is never silent.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string DocsPath = "/api/docs";
    private const string Scheme = "oauth2";

    public static IServiceCollection AddPayrollApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/divisi", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Sipp — API Penggajian", Version = "v1",
                    Description = "Bulan penggajian tanpa browser: tenaga kerja, Lapor Upah, iuran, tagihan dan laporan, untuk divisi yang diberikan Admin perusahaan " +
                        "di halaman Akses API. Token: OAuth 2.0 client credentials di /connect/token (berlaku 15 menit). Setiap POST dan PUT menerima " +
                        "Idempotency-Key. Penolakan berupa problem details RFC 9457 dengan pesan berbahasa Indonesia per kolom.",
                };
                document.Servers = []; // the caller's own address; the committed copy does not depend on the host
                document.Webhooks = ApiExamples.WebhookItems();
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "client_id dan client_secret dari halaman Akses API.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri(ApiSetup.TokenPath, UriKind.Relative),
                            Scopes = ApiScopes.All.ToDictionary(s => s.Scope, s => s.Label),
                        },
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var policy = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p?.StartsWith(ApiScopes.AnyPolicy, StringComparison.Ordinal) == true);
                var scope = policy is { Length: > 4 } ? policy[(ApiScopes.AnyPolicy.Length + 1)..] : null;
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = scope is null ? [] : [scope] }];
                ApiExamples.Describe(operation);
                return Task.CompletedTask;
            });
        });

    public static void MapPayrollApiDocument(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi(DocumentPath).AllowAnonymous();
        routes.MapScalarApiReference(DocsPath, options => options.WithTitle("Sipp — API Penggajian").WithOpenApiRoutePattern(DocumentPath)).AllowAnonymous();
    }
}
