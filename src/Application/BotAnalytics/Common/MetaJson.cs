using System.Text.Json;

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

    public static JsonElement? FromText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
