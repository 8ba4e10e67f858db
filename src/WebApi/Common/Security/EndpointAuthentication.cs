using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CleanGames.WebApi.Common.Security;

/// <summary>
/// Marks an endpoint that may be authenticated by a token in the query string (<c>?access_token=</c>
/// as SignalR clients send it, <c>?token=</c> as the seeds write it). Browsers cannot set headers on
/// a WebSocket or an EventSource, so realtime endpoints need it; every other endpoint refuses it,
/// because a token in a URL ends up in logs, proxies and browser history.
/// </summary>
public sealed class QueryTokenMetadata
{
    private QueryTokenMetadata(bool webSocketUpgradeOnly) => WebSocketUpgradeOnly = webSocketUpgradeOnly;

    /// <summary>A raw socket: only its WebSocket upgrade may carry the token; a plain request to it may not.</summary>
    public static QueryTokenMetadata OnWebSocketUpgrade { get; } = new(webSocketUpgradeOnly: true);

    /// <summary>A SignalR hub: negotiation and every transport (WebSockets, Server-Sent Events, long polling).</summary>
    public static QueryTokenMetadata OnEveryRequest { get; } = new(webSocketUpgradeOnly: false);

    public bool WebSocketUpgradeOnly { get; }
}

public static class QueryTokenConventions
{
    /// <summary>The raw WebSocket endpoint's upgrade may carry its token in the query string.</summary>
    public static TBuilder AcceptsQueryTokenOnUpgrade<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(QueryTokenMetadata.OnWebSocketUpgrade);

    /// <summary>The hub's negotiation and transports may carry <c>access_token</c> in the query string, as SignalR's browser client sends it.</summary>
    public static HubEndpointConventionBuilder AcceptsQueryToken(this HubEndpointConventionBuilder builder) =>
        builder.WithMetadata(QueryTokenMetadata.OnEveryRequest);
}

public static class EndpointAuthentication
{
    /// <summary>The mark <c>UseAuthentication</c> leaves in <see cref="IApplicationBuilder.Properties"/> (not a public constant).</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// Authenticates the requests that offer a bearer token (the <c>Authorization</c> header, or the
    /// query string where the matched endpoint accepts it) and leaves every other request anonymous
    /// without asking the bearer handler, which would only answer "no result" after costing a request
    /// scope and a handler. Endpoints that require a caller still challenge the anonymous ones (401 in
    /// their dialect). Runs after routing: the endpoint decides whether the query may be read.
    /// </summary>
    public static IApplicationBuilder UseEndpointAuthentication(this IApplicationBuilder app)
    {
        app.UseWhen(OffersToken, authenticated => authenticated.UseAuthentication());
        // UseAuthentication marks the builder it is called on; a branch's mark does not reach the root,
        // and a host whose root is unmarked puts a second, unconditional authentication in front.
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    /// <summary>The bearer handler's <c>OnMessageReceived</c>: without an <c>Authorization</c> header, the query token an endpoint accepts.</summary>
    public static Task ReadQueryToken(MessageReceivedContext context)
    {
        if (context.Request.Headers.Authorization.Count == 0 && QueryToken(context.HttpContext) is { } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    private static bool OffersToken(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 || QueryToken(context) is not null;

    /// <summary>
    /// The token in the query string, if the matched endpoint accepts one there. A plain request that
    /// merely carries upgrade headers is no upgrade to a REST endpoint: only the endpoint's own mark
    /// opens the query, and a raw socket's mark only for a real WebSocket upgrade.
    /// </summary>
    private static string? QueryToken(HttpContext context)
    {
        var request = context.Request;
        if (!request.QueryString.HasValue
            || context.GetEndpoint()?.Metadata.GetMetadata<QueryTokenMetadata>() is not { } accepted
            || (accepted.WebSocketUpgradeOnly && !context.WebSockets.IsWebSocketRequest))
        {
            return null;
        }

        var token = request.Query["access_token"].FirstOrDefault() ?? request.Query["token"].FirstOrDefault();
        return string.IsNullOrEmpty(token) ? null : token;
    }
}
