using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

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

        var error = LocateFields(httpContext, ExceptionMapping.ToApiError(exception));
        if (error.Status >= 500 && !ExceptionMapping.IsExpected(exception) && !exception.Data.Contains(Application.Common.Behaviours.UnhandledExceptionBehaviour<object, object>.LoggedKey))
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty);
        }

        await responder.WriteAsync(httpContext, error);
        return true;
    }

    /// <summary>
    /// A use case names the invalid field, not where it came from; the action's parameters know
    /// which were read from the query string or the route, and the rest came in the body.
    /// </summary>
    private static ApiError LocateFields(HttpContext context, ApiError error)
    {
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (error.FieldErrors.Count == 0 || endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
        {
            return error;
        }

        var locations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters)
        {
            var source = parameter.BindingInfo?.BindingSource;
            var location = source == BindingSource.Query ? "query" : source == BindingSource.Path ? "path" : null;
            if (location is not null)
            {
                locations[parameter.BindingInfo?.BinderModelName ?? Json.WireJson.ToWireName(parameter.Name)] = location;
            }
        }

        return locations.Count == 0
            ? error
            : error with
            {
                FieldErrors = error.FieldErrors
                    .Select(f => locations.TryGetValue(f.Field.Split('.', '[')[0], out var location) ? f with { Location = location } : f)
                    .ToList(),
            };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
