using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Common.Security;

public static class EndpointAuthorization
{
    /// <summary>The mark <c>UseAuthorization</c> leaves in <see cref="IApplicationBuilder.Properties"/> (not a public constant).</summary>
    private const string AuthorizationMiddlewareSetKey = "__AuthorizationMiddlewareSet";

    /// <summary>
    /// Runs the authorization middleware for the endpoints that carry authorization metadata and
    /// lets the rest (health, the API reference, anonymous routes) pass without it. With no fallback
    /// policy the middleware would only wave those through, after allocating the request's item bag.
    /// </summary>
    public static IApplicationBuilder UseEndpointAuthorization(this IApplicationBuilder app)
    {
        app.UseWhen(HasAuthorizationMetadata, authorized => authorized.UseAuthorization());
        // As with authentication: a branch's mark does not reach the root, and an unmarked root gets a
        // second, unconditional authorization middleware from the host.
        app.Properties[AuthorizationMiddlewareSetKey] = true;
        return app;
    }

    private static bool HasAuthorizationMetadata(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        return metadata is not null
               && (metadata.GetMetadata<IAuthorizeData>() is not null
                   || metadata.GetMetadata<AuthorizationPolicy>() is not null
                   || metadata.GetMetadata<IAuthorizationRequirementData>() is not null);
    }
}
