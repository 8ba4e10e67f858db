namespace CleanGames.Application.Common.Security;

/// <summary>
/// Declares that a request needs an authenticated caller, and optionally one of
/// <see cref="Roles"/> (comma-separated). Several attributes must all be satisfied.
/// Checked by the authorization behaviour against <c>ICurrentUser</c>, whatever transport sent it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeRequestAttribute : Attribute
{
    public string? Roles { get; init; }
}

/// <summary>
/// A rule about a specific request that needs more than a role (e.g. "owns this bot"). Every
/// registered rule for a request type must allow it; a refusal is a 403 in the route's dialect.
/// </summary>
public interface IRequestAuthorizer<in TRequest>
{
    Task<bool> IsAllowedAsync(TRequest request, CancellationToken cancellationToken);
}
