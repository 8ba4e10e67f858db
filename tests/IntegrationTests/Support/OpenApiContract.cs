using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace CleanGames.IntegrationTests.Support;

/// <summary>
/// The OpenAPI document as a contract a response either keeps or breaks: the operation exists for
/// the method and path, the status is documented, the content type is the documented one and the
/// body validates against that response's schema (OpenAPI 3.1 schemas are JSON Schema 2020-12).
/// </summary>
public sealed class OpenApiContract
{
    // Where the document is registered for the schema resolver; its "#/components/..." references resolve against it.
    private static readonly Uri DocumentUri = new("https://cleangames.test/openapi/v1.json");

    private readonly JsonElement _document;
    private readonly List<(string Template, Regex Pattern, int Literals)> _paths;
    private readonly BuildOptions _buildOptions;
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    public OpenApiContract(JsonElement document)
    {
        _document = document;
        _paths = document.GetProperty("paths").EnumerateObject()
            .Select(p => (p.Name, Pattern(p.Name), p.Name.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{'))))
            .ToList();
        _buildOptions = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        _buildOptions.SchemaRegistry.Register(DocumentUri, new JsonElementBaseDocument(document, DocumentUri));
    }

    /// <summary>Whether the document has an operation for this method and path.</summary>
    public bool HasOperation(string method, string path) =>
        _paths.Any(p => p.Pattern.IsMatch(path) && _document.GetProperty("paths").GetProperty(p.Template).TryGetProperty(method.ToLowerInvariant(), out _));

    /// <summary>Null when the response keeps the contract; otherwise what it breaks.</summary>
    public string? Violation(WireExchange exchange)
    {
        // A literal segment beats a parameter: /api/matchmaking/lobby/create before /api/matchmaking/lobby/{lobbyId}.
        var candidates = _paths.Where(p => p.Pattern.IsMatch(exchange.Path)).OrderByDescending(p => p.Literals).ToList();
        if (candidates.Count == 0)
        {
            return "the document has no path that matches";
        }

        var method = exchange.Method.ToLowerInvariant();
        var match = candidates.FirstOrDefault(p => _document.GetProperty("paths").GetProperty(p.Template).TryGetProperty(method, out _));
        if (match.Template is null)
        {
            return $"the document has no {exchange.Method} operation on {string.Join(" or ", candidates.Select(c => c.Template))}";
        }

        var responses = _document.GetProperty("paths").GetProperty(match.Template).GetProperty(method).GetProperty("responses");
        var status = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!responses.TryGetProperty(status, out var response))
        {
            return $"status {status} is not documented for {exchange.Method} {match.Template} (documented: {string.Join(", ", responses.EnumerateObject().Select(r => r.Name))})";
        }

        if (!response.TryGetProperty("content", out var content))
        {
            return exchange.Body.Length == 0 ? null : $"{exchange.Method} {match.Template} {status} is documented without a body, but one was sent: {Excerpt(exchange.Body)}";
        }

        if (exchange.MediaType is null || !content.TryGetProperty(exchange.MediaType, out _))
        {
            return $"content type {exchange.MediaType ?? "(none)"} is not documented for {exchange.Method} {match.Template} {status} (documented: {string.Join(", ", content.EnumerateObject().Select(c => c.Name))})";
        }

        if (!exchange.MediaType.EndsWith("json", StringComparison.Ordinal))
        {
            // A text body (CSV): its media type is what the document promises.
            return null;
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(exchange.Body).RootElement;
        }
        catch (JsonException e)
        {
            return $"the body is not JSON ({e.Message}): {Excerpt(exchange.Body)}";
        }

        var pointer = $"#/paths/{Escape(match.Template)}/{method}/responses/{status}/content/{Escape(exchange.MediaType)}/schema";
        var results = SchemaAt(pointer).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return null;
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({e.Key} at {d.EvaluationPath}): {e.Value}"))
            .Distinct()
            .Take(8);
        return $"the body does not match {exchange.Method} {match.Template} {status} {exchange.MediaType}: {string.Join("; ", errors)}. Body: {Excerpt(exchange.Body)}";
    }

    private JsonSchema SchemaAt(string pointer)
    {
        if (!_schemas.TryGetValue(pointer, out var schema))
        {
            schema = JsonSchema.FromText(JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = DocumentUri + pointer }), _buildOptions);
            _schemas[pointer] = schema;
        }

        return schema;
    }

    private static Regex Pattern(string template)
    {
        var pattern = new StringBuilder("^");
        foreach (var segment in template.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            pattern.Append('/').Append(segment.StartsWith('{') ? "[^/]+" : Regex.Escape(segment));
        }

        return new Regex(pattern.Append("/?$").ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    // JSON Pointer (RFC 6901) escaping inside a URI fragment.
    private static string Escape(string token) =>
        Uri.EscapeDataString(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));

    private static string Excerpt(string body) => body.Length <= 400 ? body : body[..400] + "…";
}
