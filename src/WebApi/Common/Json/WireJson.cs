using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanGames.WebApi.Common.Json;

/// <summary>
/// The JSON wire rules every module follows (DESIGN "Wire rules"): snake_case names, enums as
/// snake_case strings, nulls written rather than omitted, and strict reading so that a wrong type,
/// a null for a required value or a missing constructor parameter is a validation error.
/// </summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.PropertyNameCaseInsensitive = false;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.AllowTrailingCommas = false;
        options.MaxDepth = 32;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        }

        return options;
    }

    /// <summary>The wire name of a C# member or a dotted path of them (<c>Items[0].UnitPrice</c> → <c>items[0].unit_price</c>).</summary>
    public static string ToWireName(string memberPath)
    {
        if (string.IsNullOrEmpty(memberPath))
        {
            return memberPath;
        }

        var segments = memberPath.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var bracket = segment.IndexOf('[');
            var name = bracket >= 0 ? segment[..bracket] : segment;
            var suffix = bracket >= 0 ? segment[bracket..] : string.Empty;
            segments[i] = JsonNamingPolicy.SnakeCaseLower.ConvertName(name) + suffix;
        }

        return string.Join('.', segments);
    }
}
