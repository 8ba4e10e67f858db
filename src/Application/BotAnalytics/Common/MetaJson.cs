using System.Text.Json;
using System.Text.Json.Nodes;

namespace CleanGames.Application.BotAnalytics.Common;

/// <summary><c>meta</c> fields: free JSON objects, kept as their text and given back as JSON.</summary>
public static class MetaJson
{
    /// <summary>The longest <c>meta</c> object accepted, in characters of its JSON text.</summary>
    public const int MaxLength = 4096;

    public static bool IsObjectOrNull(JsonElement? meta) =>
        meta is null || meta.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined;

    public static string? ToText(JsonElement? meta) =>
        meta is { ValueKind: JsonValueKind.Object } value ? value.GetRawText() : null;

    /// <summary>The stored object as a JSON object for an answer (an object node, so the API document types it as one).</summary>
    public static JsonObject? FromText(string? text) => text is null ? null : JsonNode.Parse(text) as JsonObject;
}
