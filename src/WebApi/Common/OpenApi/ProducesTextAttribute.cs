namespace CleanGames.WebApi.Common.OpenApi;

/// <summary>
/// The action's success is text of this media type (<c>text/csv</c>), not its dialect's JSON:
/// <see cref="DialectResponsesTransformer"/> documents it as a string of that type. Errors stay in the dialect.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesTextAttribute(string mediaType) : Attribute
{
    public string MediaType { get; } = mediaType;
}
