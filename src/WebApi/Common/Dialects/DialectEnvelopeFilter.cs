using Microsoft.AspNetCore.Mvc.Filters;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>
/// Wraps a controller's successful object result in its dialect's envelope, so actions return the
/// seed's model and never build envelopes by hand. <see cref="RawResponseAttribute"/> opts out.
/// </summary>
internal sealed class DialectEnvelopeFilter(ApiErrorResponder responder) : IAsyncResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<RawResponseAttribute>().Any())
        {
            return next();
        }

        if (context.Result is ObjectResult { StatusCode: null or (>= 200 and < 300) } result)
        {
            var renderer = responder.RendererFor(context.HttpContext);
            var wrapped = renderer.RenderSuccess(context.HttpContext, result.Value);
            if (!ReferenceEquals(wrapped, result.Value))
            {
                result.Value = wrapped;
                result.DeclaredType = wrapped?.GetType();
            }
        }
        else if (context.Result is EmptyResult or StatusCodeResult { StatusCode: >= 200 and < 300 })
        {
            // An action with nothing to return still answers with its dialect's success envelope.
            var renderer = responder.RendererFor(context.HttpContext);
            var wrapped = renderer.RenderSuccess(context.HttpContext, null);
            if (wrapped is not null && context.Result is not NoContentResult)
            {
                var status = (context.Result as StatusCodeResult)?.StatusCode ?? StatusCodes.Status200OK;
                context.Result = new ObjectResult(wrapped) { StatusCode = status, DeclaredType = wrapped.GetType() };
            }
        }

        return next();
    }
}
