using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace CleanGames.WebApi.Common.Json;

/// <summary>
/// The JSON wire rules every module follows (DESIGN "Wire rules"): snake_case names, enums as
/// snake_case strings, nulls written rather than omitted, strict reading so that a wrong type,
/// a null for a required value or a missing constructor parameter is a validation error, and one
/// escaping of strings (<see cref="Encoder"/>) on every transport.
/// </summary>
public static class WireJson
{
    /// <summary>
    /// How strings are escaped on every wire. Users' text (chat, names) goes out with the
    /// HTML-sensitive characters escaped (<c>&lt;</c> as <c>\u003C</c>, and <c>&gt; &amp; ' " + `</c>), so a
    /// client that drops a value into a page or a script unescaped is not handed markup. Letters of
    /// every script stay readable (<c>Игрок</c>, not <c>\u0418…</c>); characters outside the Basic
    /// Multilingual Plane (emoji) and control characters are escaped, as JSON allows.
    /// </summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>For the <see cref="Utf8JsonWriter"/>s a transport writes its own frames with: a writer's encoder, not the serializer's, escapes what it writes.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Encoder };

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
        options.Encoder = Encoder;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        }

        return options;
    }

    /// <summary>
    /// <see cref="Configure"/> for SignalR's JSON hub protocol. It writes every message with a
    /// writer of its own that escapes with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
    /// whatever the payload options say, so strings are handed to it escaped already. Only the hubs
    /// get this: a custom string converter would blank every string schema in the OpenAPI document.
    /// </summary>
    public static JsonSerializerOptions ConfigureHub(JsonSerializerOptions options)
    {
        Configure(options);
        if (!options.Converters.OfType<WireEscapedStringConverter>().Any())
        {
            options.Converters.Add(new WireEscapedStringConverter());
        }

        return options;
    }

    /// <summary>Writes <paramref name="value"/> escaped by <see cref="Encoder"/>, whichever encoder <paramref name="writer"/> was made with.</summary>
    public static void WriteString(Utf8JsonWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (ReferenceEquals(writer.Options.Encoder, Encoder))
        {
            writer.WriteStringValue(value);
        }
        else
        {
            // A pre-escaped value is written as it is, so the writer's own encoder never sees the text.
            writer.WriteStringValue(JsonEncodedText.Encode(value, Encoder));
        }
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

/// <summary>Strings as <see cref="WireJson.WriteString"/> writes them, for serializers whose writer is not ours (SignalR's).</summary>
public sealed class WireEscapedStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => WireJson.WriteString(writer, value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (ReferenceEquals(writer.Options.Encoder, WireJson.Encoder))
        {
            writer.WritePropertyName(value);
        }
        else
        {
            writer.WritePropertyName(JsonEncodedText.Encode(value, WireJson.Encoder));
        }
    }
}
