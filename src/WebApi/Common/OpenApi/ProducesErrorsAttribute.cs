namespace CleanGames.WebApi.Common.OpenApi;

/// <summary>
/// Error statuses an action's use case can answer beyond those the pipeline gives every route
/// (404, 409, a broken rule's 400, a handler's 403); each is documented in the route's dialect.
/// Unlike <c>[ProducesResponseType]</c> it leaves the success ApiExplorer infers from the return type alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProducesErrorsAttribute(params int[] statusCodes) : Attribute
{
    public IReadOnlyList<int> StatusCodes { get; } = statusCodes;
}
