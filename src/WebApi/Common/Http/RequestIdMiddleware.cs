using System.Buffers;

namespace CleanGames.WebApi.Common.Http;

/// <summary>
/// Accepts a well-formed <c>X-Request-Id</c> from the client or makes one, echoes it on the
/// response, makes it the request's trace identifier (so logs carry it) and exposes it to the
/// dialects (Novels <c>meta.request_id</c>, problem details <c>request_id</c>).
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");
    private static readonly object ItemKey = new();

    public Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var requestId = IsAcceptable(incoming) ? incoming : "req_" + Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = requestId;
        context.TraceIdentifier = requestId;
        context.Response.OnStarting(static state =>
        {
            var (ctx, id) = ((HttpContext, string))state;
            ctx.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        }, (context, requestId));
        return next(context);
    }

    public static string Get(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var id) && id is string value ? value : context.TraceIdentifier;

    // A client-chosen id lands in logs and response headers: keep it short and inert.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);
}
