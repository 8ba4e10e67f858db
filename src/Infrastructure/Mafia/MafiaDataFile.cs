using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanGames.Infrastructure.Mafia;

/// <summary>
/// Reads one of Mafia's embedded data files (<c>Mafia/Data/*.json</c>, snake_case): an unknown or a
/// missing field stops the start instead of being ignored.
/// </summary>
internal static class MafiaDataFile
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static T Read<T>(string resourceName)
    {
        using var stream = typeof(MafiaDataFile).Assembly.GetManifestResourceStream(resourceName)
                           ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing.");
        return JsonSerializer.Deserialize<T>(stream, JsonOptions) ?? throw new InvalidOperationException($"{resourceName} is empty.");
    }
}
