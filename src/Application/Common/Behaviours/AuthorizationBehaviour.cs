using System.Reflection;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using MediatR;
using CleanGames.Domain.Common;

namespace CleanGames.Application.Common.Behaviours;

/// <summary>
/// Enforces what a request declares with <see cref="AuthorizeRequestAttribute"/> and any
/// <see cref="IRequestAuthorizer{TRequest}"/> rules, before validation so that an anonymous caller
/// learns nothing about the request's shape. Roles are checked against the stored account
/// (<see cref="CallerRoles"/>), so a revoked role is refused on every transport at once.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser currentUser, CallerRoles callerRoles, IEnumerable<IRequestAuthorizer<TRequest>> authorizers)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeRequestAttribute[] Requirements =
        typeof(TRequest).GetCustomAttributes<AuthorizeRequestAttribute>(inherit: true).ToArray();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var rules = authorizers as IRequestAuthorizer<TRequest>[] ?? authorizers.ToArray();

        // Most requests declare nothing: pass straight through, without a state machine of our own.
        return Requirements.Length == 0 && rules.Length == 0 ? next() : AuthorizeAsync(request, rules, cancellationToken, next);
    }

    private async Task<TResponse> AuthorizeAsync(TRequest request, IRequestAuthorizer<TRequest>[] rules, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new DomainException(PlatformErrors.Unauthenticated);
        }

        foreach (var requirement in Requirements)
        {
            if (string.IsNullOrWhiteSpace(requirement.Roles))
            {
                continue;
            }

            var anyRole = requirement.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!await callerRoles.IsInAnyRoleAsync(anyRole, cancellationToken))
            {
                throw new DomainException(PlatformErrors.Forbidden);
            }
        }

        foreach (var rule in rules)
        {
            if (!await rule.IsAllowedAsync(request, cancellationToken))
            {
                throw new DomainException(PlatformErrors.Forbidden);
            }
        }

        return await next();
    }
}
