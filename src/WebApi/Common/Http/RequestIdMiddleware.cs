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
    private const string Prefix = "req_";
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    public Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var requestId = IsAcceptable(incoming) ? incoming : NewId();
        context.TraceIdentifier = requestId;
        context.Response.Headers[HeaderName] = requestId;
        return next(context);
    }

    /// <summary>A fresh id: <c>req_</c> and 32 hex digits, built in one string.</summary>
    private static string NewId() => string.Create(Prefix.Length + 32, Guid.NewGuid(), static (chars, guid) =>
    {
        Prefix.CopyTo(chars);
        guid.TryFormat(chars[Prefix.Length..], out _, "N");
    });

    /// <summary>The request's id (its trace identifier, which this middleware set).</summary>
    public static string Get(HttpContext context) => context.TraceIdentifier;

    /// <summary>Puts the header back after something cleared the response (an error being rewritten).</summary>
    public static void Restore(HttpContext context) => context.Response.Headers[HeaderName] = context.TraceIdentifier;

    // A client-chosen id lands in logs and response headers: keep it short and inert.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);
}
