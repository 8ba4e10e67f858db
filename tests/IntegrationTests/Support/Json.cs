using System.Net.Http.Json;
using System.Text.Json;

namespace CleanGames.IntegrationTests.Support;

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"Response {(int)response.StatusCode} is not JSON: {text}");
        }
    }

    /// <summary>Asserts the object has exactly these property names, in any order.</summary>
    public static void AssertProperties(JsonElement element, params string[] names)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        var actual = element.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal).ToArray(), actual);
    }

    public static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static JsonContent Body(object value) => JsonContent.Create(value, options: CleanGames.WebApi.Common.Json.WireJson.Options);
}
