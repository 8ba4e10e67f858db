using System.Text.Json.Nodes;
using CleanGames.WebApi.Common.Dialects;
using Microsoft.OpenApi;

namespace CleanGames.WebApi.Common.OpenApi;

/// <summary>
/// The envelopes of <c>DialectRenderers.cs</c> as OpenAPI schemas: each dialect's success wrapper
/// around a route's model and its error body, registered once per document as components.
/// The wire-conformance integration test holds these to what the renderers really write.
/// </summary>
internal sealed class DialectSchemas(OpenApiDocument document)
{
    /// <summary>The body of a 2xx answer that went through <c>DialectEnvelopeFilter</c>, or null when there is none.</summary>
    public IOpenApiSchema? Success(ApiDialect dialect, IOpenApiSchema? model, bool modelIsObject) => dialect switch
    {
        ApiDialect.Gateway => Object(("success", Constant(true)), ("data", model ?? Null())),
        ApiDialect.Novels => Object(("data", model ?? Null()), ("meta", NovelsMeta())),
        ApiDialect.Clicker => ClickerSuccess(model, modelIsObject),
        _ => model,
    };

    /// <summary>Novels' answer for a <c>PagedList</c>: the items, <c>pagination</c> and <c>meta</c>.</summary>
    public IOpenApiSchema NovelsPage(IOpenApiSchema items) =>
        Object(("data", items), ("pagination", NovelsPagination()), ("meta", NovelsMeta()));

    /// <summary>The error body a dialect writes; FastAPI's request validation has a shape of its own.</summary>
    public IOpenApiSchema Error(ApiDialect dialect, bool validation) => dialect switch
    {
        ApiDialect.FastApi when validation => Component("FastApiValidationError", () => Object(
            ("detail", ArrayOf(Object(
                ("loc", ArrayOf(new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Integer })),
                ("msg", Of(JsonSchemaType.String)),
                ("type", Of(JsonSchemaType.String))))))),
        ApiDialect.FastApi => Component("FastApiError", () => Object(("detail", Of(JsonSchemaType.String)))),
        ApiDialect.Clicker => Component("ClickerError", () => Described(
            Object(("status", Of(JsonSchemaType.Integer)), ("message", Of(JsonSchemaType.String))),
            "`status` is never 0 on an error; the codes are listed in the README (Clicker status codes).")),
        ApiDialect.Gateway => Component("GatewayError", () => Object(("success", Constant(false)), ("detail", Of(JsonSchemaType.String)))),
        ApiDialect.Novels => Component("NovelsError", () => Object(
            ("error", Object(
                ("code", Of(JsonSchemaType.String)),
                ("message", Of(JsonSchemaType.String)),
                ("details", ArrayOf(Object(("field", Of(JsonSchemaType.String)), ("message", Of(JsonSchemaType.String))))))),
            ("meta", Object(("timestamp", Of(JsonSchemaType.String)), ("request_id", Of(JsonSchemaType.String)))))),
        _ => Component("ProblemDetails", () => Object(
            ("type", Of(JsonSchemaType.String)),
            ("title", Of(JsonSchemaType.String)),
            ("status", Of(JsonSchemaType.Integer)),
            ("detail", Of(JsonSchemaType.String)),
            ("instance", Of(JsonSchemaType.String)),
            ("code", Of(JsonSchemaType.String)),
            ("request_id", Of(JsonSchemaType.String)),
            ("errors", new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null, AdditionalProperties = ArrayOf(Of(JsonSchemaType.String)) }))),
    };

    // Clicker merges an object's fields beside "status": 0; anything else goes in "data".
    private static IOpenApiSchema ClickerSuccess(IOpenApiSchema? model, bool modelIsObject)
    {
        var status = ("status", Constant(0));
        if (model is null)
        {
            return Object(status);
        }

        return modelIsObject
            ? new OpenApiSchema { AllOf = [Object(status), model] }
            : Object(status, ("data", model));
    }

    private IOpenApiSchema NovelsMeta() =>
        Component("NovelsMeta", () => Object(("timestamp", Of(JsonSchemaType.String)), ("version", Of(JsonSchemaType.String))));

    private IOpenApiSchema NovelsPagination() => Component("NovelsPagination", () => Object(
        ("current_page", Of(JsonSchemaType.Integer)),
        ("per_page", Of(JsonSchemaType.Integer)),
        ("total_pages", Of(JsonSchemaType.Integer)),
        ("total_items", Of(JsonSchemaType.Integer)),
        ("has_next", Of(JsonSchemaType.Boolean)),
        ("has_prev", Of(JsonSchemaType.Boolean))));

    private OpenApiSchemaReference Component(string id, Func<OpenApiSchema> create)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.ContainsKey(id))
        {
            document.AddComponent(id, create());
        }

        return new OpenApiSchemaReference(id, document);
    }

    // Every field is required: the wire writes nulls rather than leaving fields out.
    private static OpenApiSchema Object(params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
        Required = properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal),
    };

    private static OpenApiSchema Of(JsonSchemaType type) => new() { Type = type };

    private static OpenApiSchema Null() => Of(JsonSchemaType.Null);

    private static OpenApiSchema ArrayOf(IOpenApiSchema items) => new() { Type = JsonSchemaType.Array, Items = items };

    private static OpenApiSchema Constant(bool value) => new() { Type = JsonSchemaType.Boolean, Enum = [JsonValue.Create(value)] };

    private static OpenApiSchema Constant(int value) => new() { Type = JsonSchemaType.Integer, Enum = [JsonValue.Create(value)] };

    private static OpenApiSchema Described(OpenApiSchema schema, string description)
    {
        schema.Description = description;
        return schema;
    }
}
