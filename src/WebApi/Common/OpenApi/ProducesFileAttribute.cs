namespace CleanGames.WebApi.Common.OpenApi;

/// <summary>
/// The action's success is a file in one of these media types (an image), not its dialect's JSON:
/// <see cref="DialectResponsesTransformer"/> documents it as binary content of each type. Errors stay in the dialect.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesFileAttribute(params string[] mediaTypes) : Attribute
{
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;
}
