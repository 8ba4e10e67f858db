using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>
/// <c>[Authorize]</c> failures (no or bad token → 401, policy not met → 403) are written in the
/// route's dialect instead of the default empty challenge or forbid.
/// </summary>
internal sealed class DialectAuthorizationResultHandler(ApiErrorResponder responder) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            return responder.WriteAsync(context, ApiError.Unauthenticated());
        }

        if (authorizeResult.Forbidden)
        {
            // An unauthenticated caller that fails a policy is challenged, not forbidden.
            return responder.WriteAsync(context, context.User.Identity?.IsAuthenticated == true ? ApiError.Forbidden() : ApiError.Unauthenticated());
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
