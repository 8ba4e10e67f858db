using System.Globalization;
using System.Text.Json;
using CleanGames.WebApi.Common.Json;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>The one place an error becomes a response: status, headers and the route's envelope.</summary>
public sealed class ApiErrorResponder(IEnumerable<IDialectRenderer> renderers, DialectResolver resolver)
{
    private readonly Dictionary<ApiDialect, IDialectRenderer> _renderers = renderers.ToDictionary(r => r.Dialect);

    public IDialectRenderer RendererFor(HttpContext context) => _renderers[resolver.Resolve(context)];

    public async Task WriteAsync(HttpContext context, ApiError error)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        var renderer = RendererFor(context);
        error = renderer.Adapt(error);
        var status = error.IsValidation ? ValidationStatusOf(context) ?? renderer.ValidationStatus : error.Status;
        var body = renderer.RenderError(context, error, status);

        context.Response.Clear();
        Http.RequestIdMiddleware.Restore(context);
        context.Response.StatusCode = status;
        if (error.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.Count > 0
                ? "Bearer error=\"invalid_token\""
                : "Bearer";
        }

        context.Response.ContentType = renderer.ErrorContentType + "; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), WireJson.Options, context.RequestAborted);
    }

    private static int? ValidationStatusOf(HttpContext context) =>
        (context.GetEndpoint() ?? context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint)?.Metadata.GetMetadata<ValidationStatusAttribute>()?.Status;

    /// <summary>The same error as an MVC result, for filters and the invalid-model-state factory.</summary>
    public static IActionResult AsResult(ApiError error) => new ApiErrorResult(error);

    private sealed class ApiErrorResult(ApiError error) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            context.HttpContext.RequestServices.GetRequiredService<ApiErrorResponder>().WriteAsync(context.HttpContext, error);
    }
}
