using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanGames.WebApi.Common.Json;

/// <summary>A string property that clients may send in more than one JSON type; it is always written as a string or null.</summary>
public abstract class TolerantStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

/// <summary>Reads an id sent as a string or as a number (kept as the number's text); another type is invalid.</summary>
public sealed class StringOrNumberConverter : TolerantStringConverter
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a string or a number."),
    };
}

/// <summary>Reads a string, and any other JSON value as null (skipping it whole), so the use case's validation answers it.</summary>
public sealed class LenientStringConverter : TolerantStringConverter
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }
}
