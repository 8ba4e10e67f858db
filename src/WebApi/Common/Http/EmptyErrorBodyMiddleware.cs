using CleanGames.WebApi.Common.Dialects;

namespace CleanGames.WebApi.Common.Http;

/// <summary>
/// Gives every error that left without a body (routing's 404 and 405, a 415, a bare status) the
/// body of its route's dialect, as the status-code-pages middleware did, without its per-request
/// feature object and state machine: a request that completed synchronously and needs no body
/// costs one check. A response that has started, has a length or a content type is left alone.
/// </summary>
public sealed class EmptyErrorBodyMiddleware(RequestDelegate next, ApiErrorResponder responder)
{
    public Task InvokeAsync(HttpContext context)
    {
        var task = next(context);
        if (!task.IsCompletedSuccessfully)
        {
            return AfterAsync(task, context);
        }

        return NeedsBody(context.Response) ? WriteAsync(context) : Task.CompletedTask;
    }

    private async Task AfterAsync(Task task, HttpContext context)
    {
        await task;
        if (NeedsBody(context.Response))
        {
            await WriteAsync(context);
        }
    }

    private static bool NeedsBody(HttpResponse response) =>
        !response.HasStarted
        && response.StatusCode is >= 400 and < 600
        && response.ContentLength is null
        && string.IsNullOrEmpty(response.ContentType);

    private Task WriteAsync(HttpContext context) => responder.WriteAsync(context, ExceptionMapping.ForStatus(context.Response.StatusCode));
}
