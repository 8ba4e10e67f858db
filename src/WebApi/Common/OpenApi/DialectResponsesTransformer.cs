using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CleanGames.Application.Common.Models;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Http;
using CleanGames.WebApi.Common.Idempotency;
using CleanGames.Application.Common.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace CleanGames.WebApi.Common.OpenApi;

/// <summary>
/// Makes each operation describe what its route really answers: the success in its dialect's
/// envelope with the status the action declares, and every error status the pipeline can give it
/// in that dialect's error shape, as <c>application/json</c> (Problem Details errors as
/// <c>application/problem+json</c>). The dialect comes from the resolver the responses use.
/// </summary>
/// <remarks>
/// Errors a route can answer: what the action declares with <see cref="ProducesErrorsAttribute"/>
/// or <c>[ProducesResponseType]</c> (404, 409, a rule's 400, a handler's 403), request validation when it reads any input, 401 when it
/// needs a token (403 too when the policy names roles), 429 behind a rate limit, 413 and 415 when
/// it reads a body, 503 (the readiness gate and a lost concurrency race) and 500. An
/// <see cref="IdempotentAttribute"/> action also takes the optional <c>Idempotency-Key</c> header
/// and can answer 409 (in progress, outcome unknown), 422 (key reused), 429 (too many keys) and
/// its validation status (a malformed key).
/// </remarks>
internal sealed class DialectResponsesTransformer(DialectResolver resolver, IEnumerable<IDialectRenderer> renderers) : IOpenApiOperationTransformer
{
    private const string JsonMediaType = "application/json";

    private readonly Dictionary<ApiDialect, IDialectRenderer> _renderers = renderers.ToDictionary(r => r.Dialect);

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var path = new PathString("/" + description.RelativePath);
        var dialect = resolver.Resolve(metadata, path);
        var renderer = _renderers[dialect];
        var schemas = new DialectSchemas(context.Document!);

        // Only controller results pass through DialectEnvelopeFilter; minimal APIs write what they return.
        var enveloped = description.ActionDescriptor is ControllerActionDescriptor && !metadata.OfType<RawResponseAttribute>().Any();

        var responses = new OpenApiResponses();
        var errorStatuses = new SortedSet<int>();
        var text = metadata.OfType<ProducesTextAttribute>().LastOrDefault();
        var file = metadata.OfType<ProducesFileAttribute>().LastOrDefault();
        foreach (var declared in description.SupportedResponseTypes)
        {
            var status = declared.StatusCode;
            var generated = GeneratedSchema(operation, status);
            if (status is >= 200 and < 300 && file is not null)
            {
                responses[Key(status)] = File(status, file.MediaTypes);
            }
            else if (status == StatusCodes.Status304NotModified)
            {
                // A conditional GET's answer has no body.
                responses[Key(status)] = Response(status, null, JsonMediaType);
            }
            else if (status is >= 200 and < 300 && text is not null)
            {
                responses[Key(status)] = Response(status, new OpenApiSchema { Type = JsonSchemaType.String }, text.MediaType);
            }
            else if (status is >= 200 and < 300)
            {
                var body = enveloped && status != StatusCodes.Status204NoContent
                    ? await SuccessAsync(schemas, dialect, generated, declared, context, cancellationToken)
                    : generated;
                responses[Key(status)] = Response(status, body, JsonMediaType);
            }
            else if (generated is not null && declared.Type is { } type && type != typeof(void) && type != typeof(ProblemDetails))
            {
                // An endpoint that writes its own body for this status (the readiness report's 503).
                responses[Key(status)] = Response(status, generated, JsonMediaType);
            }
            else
            {
                errorStatuses.Add(status);
            }
        }

        if (!responses.Keys.Any(k => k.StartsWith('2')))
        {
            // An action returning a bare IActionResult (Ok()) declares nothing; MVC answers 200.
            var body = enveloped ? schemas.Success(dialect, model: null, modelIsObject: false) : null;
            responses[Key(StatusCodes.Status200OK)] = Response(StatusCodes.Status200OK, body, JsonMediaType);
        }

        errorStatuses.UnionWith(metadata.OfType<ProducesErrorsAttribute>().SelectMany(a => a.StatusCodes));
        var validationStatus = metadata.OfType<ValidationStatusAttribute>().LastOrDefault()?.Status ?? renderer.ValidationStatus;
        if (description.ParameterDescriptions.Count > 0)
        {
            errorStatuses.Add(validationStatus);
        }

        var authorization = AuthorizationOf(metadata);
        if (authorization.Count > 0)
        {
            errorStatuses.Add(StatusCodes.Status401Unauthorized);
            if (authorization.Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy)))
            {
                errorStatuses.Add(StatusCodes.Status403Forbidden);
            }
        }

        if ((metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any())
            || metadata.OfType<Http.IRateLimitedEndpoint>().Any())
        {
            errorStatuses.Add(StatusCodes.Status429TooManyRequests);
        }

        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body))
        {
            errorStatuses.Add(StatusCodes.Status413PayloadTooLarge);
            errorStatuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }

        if (metadata.OfType<IdempotentAttribute>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyRules.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = $"Makes a retry safe: the same key with the same request replays the first response (marked `{IdempotencyRules.ReplayedHeaderName}: true`) for 24 hours; 1–{IdempotencyRules.MaxKeyLength} printable ASCII characters.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyRules.MaxKeyLength },
            });
            errorStatuses.UnionWith([validationStatus, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests]);
        }

        if (!ReadinessGateMiddleware.IsAlwaysOpen(path))
        {
            errorStatuses.Add(StatusCodes.Status503ServiceUnavailable);
        }

        errorStatuses.Add(StatusCodes.Status500InternalServerError);
        var idempotent = metadata.OfType<IdempotentAttribute>().Any();
        foreach (var status in errorStatuses.Where(s => !responses.ContainsKey(Key(s))))
        {
            var body = schemas.Error(dialect, validation: status == validationStatus);
            if (idempotent && status == StatusCodes.Status422UnprocessableEntity && status == validationStatus)
            {
                // Where the dialect validates with 422, a reused key's 422 is its plain error.
                body = new OpenApiSchema { AnyOf = [body, schemas.Error(dialect, validation: false)] };
            }

            responses[Key(status)] = Response(status, body, renderer.ErrorContentType);
        }

        operation.Responses = responses;
    }

    private static async Task<IOpenApiSchema?> SuccessAsync(
        DialectSchemas schemas,
        ApiDialect dialect,
        IOpenApiSchema? generated,
        ApiResponseType declared,
        OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var type = declared.Type is { } t && t != typeof(void) ? t : null;
        if (dialect == ApiDialect.Novels && type is not null && PagedBodyType(type) is { } bodyType)
        {
            IOpenApiSchema body = await context.GetOrCreateSchemaAsync(bodyType, cancellationToken: cancellationToken);
            // The schema made here is inlined, and inlining drops the "or null" of nested nullable
            // objects (a bookmark's progress); the component generated for the type keeps it.
            if (!bodyType.IsGenericType
                && context.Document?.Components?.Schemas is { } components && components.ContainsKey(bodyType.Name))
            {
                body = new OpenApiSchemaReference(bodyType.Name, context.Document);
            }

            return schemas.NovelsPage(body);
        }

        if (dialect == ApiDialect.Novels && type is not null && PagedItemType(type) is { } itemType)
        {
            var items = await context.GetOrCreateSchemaAsync(typeof(IReadOnlyList<>).MakeGenericType(itemType), cancellationToken: cancellationToken);
            return schemas.NovelsPage(items);
        }

        // What ClickerRenderer sees as a JSON object once serialized: a class or a dictionary.
        var isObject = type is not null && JsonSerializerOptions.Default.GetTypeInfo(type).Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary;
        if (generated is not null && ReturnsNullable(context.Description.ActionDescriptor))
        {
            // An action declared to return "T?" (Task<T?>) may answer null data.
            generated = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, generated] };
        }

        return schemas.Success(dialect, generated, isObject);
    }

    private static bool ReturnsNullable(Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action)
    {
        if (action is not ControllerActionDescriptor { MethodInfo: var method })
        {
            return false;
        }

        var info = new System.Reflection.NullabilityInfoContext().Create(method.ReturnParameter);
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
        {
            info = info.GenericTypeArguments[0];
        }

        return info.ReadState == System.Reflection.NullabilityState.Nullable && info.Type != typeof(object);
    }

    private static Type? PagedBodyType(Type type) =>
        typeof(IPagedBody).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments() is [var body] ? body : null;

    private static Type? PagedItemType(Type type) =>
        typeof(IPagedList).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments() is [var item] ? item : null;

    private static IOpenApiSchema? GeneratedSchema(OpenApiOperation operation, int status) =>
        operation.Responses is { } responses
        && responses.TryGetValue(Key(status), out var response)
        && response.Content is { } content
        && content.TryGetValue(JsonMediaType, out var media)
            ? media.Schema
            : null;

    // [AllowAnonymous] wins over any [Authorize] beside it, as in the authorization middleware.
    private static List<IAuthorizeData> AuthorizationOf(IList<object> metadata) =>
        metadata.OfType<IAllowAnonymous>().Any() ? [] : metadata.OfType<IAuthorizeData>().ToList();

    private static OpenApiResponse Response(int status, IOpenApiSchema? body, string mediaType) => new()
    {
        Description = ReasonPhrases.GetReasonPhrase(status),
        Content = body is null ? null : new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [mediaType] = new() { Schema = body } },
    };

    private static OpenApiResponse File(int status, IReadOnlyList<string> mediaTypes) => new()
    {
        Description = ReasonPhrases.GetReasonPhrase(status),
        Content = mediaTypes.ToDictionary(m => m, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }, StringComparer.Ordinal),
    };

    private static string Key(int status) => status.ToString(CultureInfo.InvariantCulture);
}
