using Microsoft.AspNetCore.Diagnostics;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>Turns any exception that escapes an endpoint into an error in the route's dialect.</summary>
internal sealed partial class DialectExceptionHandler(ApiErrorResponder responder, ILogger<DialectExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var error = ExceptionMapping.ToApiError(exception);
        if (error.Status >= 500 && !ExceptionMapping.IsExpected(exception) && !exception.Data.Contains(Application.Common.Behaviours.UnhandledExceptionBehaviour<object, object>.LoggedKey))
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty);
        }

        await responder.WriteAsync(httpContext, error);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
